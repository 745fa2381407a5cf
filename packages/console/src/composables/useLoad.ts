import { type Ref, ref, shallowRef } from "vue";
import { useI18n } from "vue-i18n";
import { type ProblemView, toProblem } from "../api/problem";

/** A page's data with its loading and error states; `run` loads (again). */
export function useLoad<T>(load: () => Promise<T>) {
  const { t } = useI18n();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<ProblemView | null>(null);
  async function run() {
    loading.value = true;
    error.value = null;
    try {
      data.value = await load();
    } catch (err) {
      error.value = toProblem(err, [], t("errors.network"));
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, error, run };
}
