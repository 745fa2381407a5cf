/**
 * The dashboard's HTML shell. Everything it loads is served by this worker (Workers static assets:
 * public/dashboard and the Chart.js copy in public/vendor), so it works offline and where foreign
 * CDNs are unreachable; the policy below lets the page load nothing else.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>先锋 · 党建工作看板</title>
<meta name="description" content="Vanguard 先锋: district dashboard of branch compliance">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/app.css">
<script src="/vendor/chartjs/chart.umd.min.js" defer></script>
<script src="/dashboard/app.js" type="module"></script>
</head>
<body>
<a class="skip" href="#main" id="skip">跳到主要内容</a>
<header class="bar">
  <span class="brand" id="brand">先锋 · 党建工作看板</span>
  <nav class="bar-actions" aria-label="设置" id="bar-actions">
    <button type="button" id="lang" class="link" lang="en">English</button>
    <button type="button" id="signout" class="link" hidden>退出</button>
  </nav>
</header>
<main id="main" tabindex="-1" aria-live="polite">
  <noscript>看板需要启用 JavaScript。The dashboard needs JavaScript.</noscript>
</main>
</body>
</html>`;

/** No inline script or style, nothing from another origin, never framed. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
