/**
 * The API reference, rendered by Scalar from a copy served by this worker: no CDN, so the docs
 * load offline and where foreign CDNs are unreachable.
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
<script>
  Scalar.createApiReference("#app", {
    url: "/openapi.json",
    withDefaultFonts: false,
    hideClientButton: false,
    metaData: { title: "Vanguard 先锋 API" },
  });
</script>
</body>
</html>`;
