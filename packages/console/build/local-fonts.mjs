/**
 * Vant's icon font is embedded as WOFF2 data, with fallbacks on a CDN that the console's CSP
 * refuses (and that may be unreachable where it runs): the fallbacks are dropped from the CSS.
 */
export function localFontsOnly() {
  const remote = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\([^)]*\)/g;
  return {
    name: "vanguard-local-fonts-only",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("vant") || !id.endsWith(".css") || !remote.test(code)) return null;
      remote.lastIndex = 0;
      return { code: code.replace(remote, ""), map: null };
    },
  };
}
