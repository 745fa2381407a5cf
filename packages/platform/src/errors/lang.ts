export type Lang = "zh-CN" | "en";

/**
 * Chinese unless the client prefers English: the product's users are Chinese-speaking branch
 * staff, and integrators who want English say so with `Accept-Language: en`.
 */
export function negotiateLang(header: string | undefined | null): Lang {
  if (!header) return "zh-CN";
  let best: { lang: Lang; q: number } = { lang: "zh-CN", q: 0 };
  for (const part of header.split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const t = tag.toLowerCase();
    const lang: Lang | null = t.startsWith("zh") ? "zh-CN" : t.startsWith("en") ? "en" : null;
    if (lang && q > best.q) best = { lang, q };
  }
  return best.lang;
}
