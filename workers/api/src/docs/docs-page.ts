/**
 * The API reference, rendered by Scalar from a copy served by this worker: no CDN, so the docs
 * load offline and where foreign CDNs are unreachable. Scalar's cloud features are switched off
 * (its "Ask AI" agent uploads the spec to a third party; MCP, telemetry, the hosted client and its
 * request proxy contact scalar.com), and the page's policy only lets it talk to this origin.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vanguard 先锋 API</title>
</head>
<body>
<div id="app"></div>
<script src="/vendor/scalar/standalone.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

export const DOCS_INIT_JS = `Scalar.createApiReference("#app", {
  url: "/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  proxyUrl: "",
  agent: { disabled: true },
  mcp: { disabled: true },
  metaData: { title: "Vanguard 先锋 API" },
});
`;

/**
 * Scripts only from this origin and no inline script; Scalar injects its own styles, so inline
 * styles are allowed. Requests (the spec, "try it") go to this origin only.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
