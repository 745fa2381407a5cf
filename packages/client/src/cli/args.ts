export interface Global {
  url: string;
  key: string;
  lang: "zh-CN" | "en";
}

/** `--url`/`--key` or VANGUARD_URL/VANGUARD_KEY; the local stack by default. */
export function globals(values: Record<string, string | boolean | undefined>): Global {
  const key = (values.key as string | undefined) ?? process.env.VANGUARD_KEY;
  if (!key) throw new UsageError("an API key is needed: --key vgk_… or VANGUARD_KEY");
  return {
    url: (values.url as string | undefined) ?? process.env.VANGUARD_URL ?? "http://127.0.0.1:8787",
    key,
    lang: values.lang === "en" || process.env.VANGUARD_LANG === "en" ? "en" : "zh-CN",
  };
}

export class UsageError extends Error {}

export function required(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === "");
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(", ")}`);
}
