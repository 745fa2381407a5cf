import type { Lang } from "./lang";

export interface Global {
  url: string;
  key: string;
}

/** `--url`/`--key` or VANGUARD_URL/VANGUARD_KEY; the local stack by default. */
export function globals(values: Record<string, string | boolean | undefined>, lang: Lang): Global {
  const key = (values.key as string | undefined) ?? process.env.VANGUARD_KEY;
  if (!key) {
    throw new UsageError(
      lang === "zh-CN"
        ? "需要 API 密钥：--key vgk_… 或设置 VANGUARD_KEY（pnpm dev 结束时会打印演示密钥）"
        : "an API key is needed: --key vgk_… or VANGUARD_KEY (pnpm dev prints the demo keys)",
    );
  }
  return {
    url: (values.url as string | undefined) ?? process.env.VANGUARD_URL ?? "http://127.0.0.1:8787",
    key,
  };
}

export class UsageError extends Error {}

export function required(values: Record<string, unknown>, lang: Lang, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === "");
  if (missing.length) {
    const flags = missing.map((m) => `--${m}`).join(", ");
    throw new UsageError(lang === "zh-CN" ? `缺少 ${flags}` : `missing ${flags}`);
  }
}
