import { ref } from "vue";
import { useI18n } from "vue-i18n";
import { newIdempotencyKey } from "../api/client";
import { type ProblemView, toProblem } from "../api/problem";

/**
 * One form's write: a busy flag (the button is disabled while it runs), the refusal mapped onto
 * the form's fields, and an Idempotency-Key kept until the write succeeds, so a double click or a
 * retry after a lost answer records once.
 */
export function useWrite(fields: readonly string[] = []) {
  const { t } = useI18n();
  const busy = ref(false);
  const problem = ref<ProblemView | null>(null);
  let key = newIdempotencyKey();

  async function run<T>(write: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (busy.value) return undefined;
    busy.value = true;
    problem.value = null;
    try {
      const out = await write(key);
      key = newIdempotencyKey();
      return out;
    } catch (err) {
      problem.value = toProblem(err, fields, t("errors.network"));
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  function reset() {
    problem.value = null;
    key = newIdempotencyKey();
  }
  const fieldError = (name: string) => problem.value?.fields[name] ?? "";
  return { busy, problem, run, reset, fieldError };
}
