/** `GET /`: where people and programs start, in Chinese first. */
export const HOME_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>先锋 Vanguard</title>
</head>
<body>
<h1>先锋 Vanguard</h1>
<p>基层党支部工作平台 · Party branch work platform</p>
<ul>
<li><a href="/console/">进入工作台</a>（Console）</li>
<li><a href="/docs">接口文档</a>（API reference）</li>
</ul>
</body>
</html>`;

export const HOME_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
