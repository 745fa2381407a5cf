// 先锋 dashboard: a district at a glance, from the public API with the caller's own key.
// No build step and no framework: DOM nodes are built with `h()` (text is never parsed as HTML),
// charts are Chart.js (served by the worker from /vendor), state lives in the URL hash.

const { Chart } = globalThis;
const KEY = "vanguard.dashboard.key"; // sessionStorage only: the key goes when the tab closes
const LANG = "vanguard.dashboard.lang";

const T = {
  "zh-CN": {
    title: "先锋 · 党建工作看板",
    skip: "跳到主要内容",
    settings: "设置",
    other: "English",
    signOut: "退出",
    signInTitle: "登录看板",
    keyLabel: "API 密钥",
    keyHint: "使用区委、审计或平台管理员的密钥。密钥只保存在本标签页中，关闭即清除。",
    signIn: "登录",
    badKey: "密钥无效或已被吊销。",
    noReports: "此密钥无权查看报表（需要区委、审计或平台管理员）。",
    loading: "正在加载…",
    failed: "加载失败：",
    district: "区县",
    period: "统计期间",
    year: (y) => `${y}年`,
    quarter: (y, q) => `${y}年第${q}季度`,
    branches: "基层组织",
    average: "平均得分",
    needsAttention: "需关注（红色）",
    openFindings: "未整改预警",
    grid: "各支部合规情况",
    gridHint: "颜色按综合得分：绿色 ≥ 85，黄色 ≥ 60，红色 < 60，灰色为暂无数据。点击查看支部详情。",
    band: { good: "良好", fair: "一般", poor: "较差", none: "暂无数据" },
    noScore: "—",
    noRecords: "无记录",
    trends: "近12个月趋势",
    studyChart: "学习参与率（%）",
    meetingsChart: "会议召开次数",
    duesChart: "党费交纳率（%）",
    funnel: (y) => `发展党员漏斗（${y}年）`,
    overdue: (n) => `逾期发展环节：${n} 个`,
    findings: "未整改预警",
    noFindings: "暂无未整改预警。",
    showAll: (n) => `显示全部 ${n} 条`,
    running: "（本月进行中，不计）",
    sev: { info: "提示", warning: "警告", severe: "严重" },
    col: { branch: "支部", severity: "级别", message: "内容", due: "期限" },
    showData: "查看数据",
    month: "月份",
    csv: "导出 CSV",
    back: "返回区县总览",
    score: "综合得分",
    measures: "各项指标",
    meetings: "三会一课",
    dues: "党费",
    study: "学习",
    inspection: "季度检查",
    pipeline: "发展党员",
    partyMembers: "党员人数",
    of: (a, b) => `${a} / ${b}`,
    members: (n) => `${n} 人`,
    notApplicable: "不适用",
    noInspection: "暂无",
    pipelineText: (p) =>
      `申请人 ${p.applicant} · 积极分子 ${p.activist} · 发展对象 ${p.candidate} · 预备党员 ${p.probationary}`,
    overdueSteps: "逾期环节",
    kinds: {
      general_assembly: "党员大会",
      committee: "支委会",
      group: "党小组会",
      lecture: "党课",
      theme_day: "主题党日",
      life_meeting: "组织生活会",
    },
    stages: {
      applied: "递交申请",
      activists: "确定积极分子",
      candidates: "确定发展对象",
      admitted: "接收预备党员",
      full: "转为正式党员",
    },
    people: "人数",
    chooseDistrict: "选择区县",
    open: "打开",
    noDistricts: "此密钥没有可查看的区县。",
  },
  en: {
    title: "Vanguard · Party branch dashboard",
    skip: "Skip to main content",
    settings: "Settings",
    other: "中文",
    signOut: "Sign out",
    signInTitle: "Sign in to the dashboard",
    keyLabel: "API key",
    keyHint:
      "Use a district committee, auditor or platform admin key. It is kept in this tab only and gone when the tab closes.",
    signIn: "Sign in",
    badKey: "The key is not valid or has been revoked.",
    noReports: "This key may not read reports (district admin, auditor or platform admin only).",
    loading: "Loading…",
    failed: "Could not load: ",
    district: "District",
    period: "Period",
    year: (y) => `${y}`,
    quarter: (y, q) => `${y} Q${q}`,
    branches: "Org units",
    average: "Average score",
    needsAttention: "Need attention (red)",
    openFindings: "Open findings",
    grid: "Compliance by branch",
    gridHint:
      "Coloured by overall score: green ≥ 85, amber ≥ 60, red < 60, grey for no data. Select a branch for details.",
    band: { good: "Good", fair: "Fair", poor: "Poor", none: "No data" },
    noScore: "—",
    noRecords: "No records",
    trends: "Last 12 months",
    studyChart: "Study activity (%)",
    meetingsChart: "Meetings held",
    duesChart: "Dues paid (%)",
    funnel: (y) => `Development funnel (${y})`,
    overdue: (n) => `Overdue development steps: ${n}`,
    findings: "Open findings",
    noFindings: "No open findings.",
    showAll: (n) => `Show all ${n}`,
    running: " (this month is under way and not counted)",
    sev: { info: "Info", warning: "Warning", severe: "Severe" },
    col: { branch: "Branch", severity: "Severity", message: "Finding", due: "Due" },
    showData: "Show the data",
    month: "Month",
    csv: "Export CSV",
    back: "Back to the district",
    score: "Score",
    measures: "Measures",
    meetings: "Meetings (三会一课)",
    dues: "Dues",
    study: "Study",
    inspection: "Quarterly inspection",
    pipeline: "Development pipeline",
    partyMembers: "Party members",
    of: (a, b) => `${a} of ${b}`,
    members: (n) => `${n} members`,
    notApplicable: "Not applicable",
    noInspection: "None yet",
    pipelineText: (p) =>
      `Applicants ${p.applicant} · activists ${p.activist} · candidates ${p.candidate} · probationary ${p.probationary}`,
    overdueSteps: "Overdue steps",
    kinds: {
      general_assembly: "General assembly",
      committee: "Committee",
      group: "Party group",
      lecture: "Party lecture",
      theme_day: "Theme day",
      life_meeting: "Life meeting",
    },
    stages: {
      applied: "Applied",
      activists: "Activists",
      candidates: "Candidates",
      admitted: "Admitted",
      full: "Full members",
    },
    people: "People",
    chooseDistrict: "Choose a district",
    open: "Open",
    noDistricts: "This key sees no district.",
  },
};

const KIND_COLOURS = ["#b71c1c", "#e57373", "#f9a825", "#1565c0", "#2e7d32", "#6a1b9a"];

let lang = localStorage.getItem(LANG) === "en" ? "en" : "zh-CN";
const t = () => T[lang];
const charts = [];
const main = document.getElementById("main");

/** An element with attributes and children; strings become text nodes, never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

class ApiError extends Error {
  constructor(status, detail) {
    super(detail || String(status));
    this.status = status;
  }
}

async function api(path, { accept = "application/json" } = {}) {
  const res = await fetch(path, {
    headers: {
      authorization: `Bearer ${sessionStorage.getItem(KEY) ?? ""}`,
      accept,
      "accept-language": lang,
    },
  });
  if (!res.ok) {
    let detail = "";
    try {
      const body = await res.json();
      detail = body.detail || body.title || "";
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, detail);
  }
  return accept === "application/json" ? res.json() : res.blob();
}

/** The last scorecard read: drilling into a branch and back costs no second report. */
let scorecard = { key: "", data: null };
async function scorecardOf(districtId, period) {
  const key = `${districtId}|${period}`;
  if (scorecard.key !== key) {
    scorecard = {
      key,
      data: await api(`/v1/reports/compliance?districtId=${encodeURIComponent(districtId)}&period=${period}`),
    };
  }
  return scorecard.data;
}

const pct = (rate) => (rate === null || rate === undefined ? "—" : `${Math.round(rate * 1000) / 10}%`);
const thisYear = () => new Date().getFullYear();

function route() {
  const m = /^#\/district\/([^/?]+)(?:\/branch\/([^/?]+))?(?:\?period=([^&]+))?$/.exec(location.hash);
  return m ? { districtId: m[1], branchId: m[2] ?? null, period: m[3] ?? null } : null;
}

function go(r) {
  const q = r.period ? `?period=${r.period}` : "";
  location.hash = r.branchId
    ? `#/district/${r.districtId}/branch/${r.branchId}${q}`
    : `#/district/${r.districtId}${q}`;
}

function clearCharts() {
  while (charts.length) charts.pop().destroy();
}

function paint(...nodes) {
  clearCharts();
  main.replaceChildren(...nodes);
}

function applyChrome() {
  document.documentElement.lang = lang;
  document.title = t().title;
  document.getElementById("brand").textContent = t().title;
  document.getElementById("skip").textContent = t().skip;
  document.getElementById("bar-actions").setAttribute("aria-label", t().settings);
  const switcher = document.getElementById("lang");
  switcher.textContent = t().other;
  switcher.setAttribute("lang", lang === "en" ? "zh-CN" : "en");
  const out = document.getElementById("signout");
  out.textContent = t().signOut;
  out.hidden = !sessionStorage.getItem(KEY);
}

/** Moves focus to the new view's heading, so keyboard and screen reader users land on it. */
function focusHeading() {
  main.querySelector("h1")?.focus();
}

function signIn(message) {
  applyChrome();
  const input = h("input", {
    id: "key",
    name: "key",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "key-hint",
  });
  const form = h(
    "form",
    {
      class: "card signin",
      onsubmit: async (e) => {
        e.preventDefault();
        sessionStorage.setItem(KEY, input.value.trim());
        await start();
      },
    },
    h("h1", { tabindex: "-1" }, t().signInTitle),
    h("label", { for: "key" }, t().keyLabel),
    input,
    h("p", { id: "key-hint", class: "hint" }, t().keyHint),
    message ? h("p", { class: "error", role: "alert" }, message) : null,
    h("button", { type: "submit", class: "primary" }, t().signIn),
  );
  paint(form);
  input.focus();
}

async function start() {
  applyChrome();
  if (!sessionStorage.getItem(KEY)) return signIn();
  const r = route();
  if (r) return r.branchId ? branchView(r) : districtView(r);
  paint(h("p", { class: "muted" }, t().loading));
  try {
    const { items } = await api("/v1/districts?limit=200");
    if (items.length === 1) return go({ districtId: items[0].id });
    if (!items.length) return paint(h("p", { class: "error" }, t().noDistricts));
    const select = h(
      "select",
      { id: "district-choice" },
      items.map((d) => h("option", { value: d.id }, d.name)),
    );
    paint(
      h(
        "form",
        {
          class: "card signin",
          onsubmit: (e) => {
            e.preventDefault();
            go({ districtId: select.value });
          },
        },
        h("h1", { tabindex: "-1" }, t().chooseDistrict),
        h("label", { for: "district-choice" }, t().district),
        select,
        h("button", { type: "submit", class: "primary" }, t().open),
      ),
    );
    focusHeading();
  } catch (err) {
    failed(err);
  }
}

function failed(err) {
  if (err instanceof ApiError && err.status === 401) {
    sessionStorage.removeItem(KEY);
    return signIn(t().badKey);
  }
  if (err instanceof ApiError && err.status === 403) return paint(h("p", { class: "error" }, t().noReports));
  paint(h("p", { class: "error", role: "alert" }, t().failed, err.message));
}

function periodOptions() {
  const y = thisYear();
  const out = [{ value: String(y), label: t().year(y) }];
  const current = Math.floor(new Date().getMonth() / 3) + 1;
  for (let q = current; q >= 1; q--) out.push({ value: `${y}-Q${q}`, label: t().quarter(y, q) });
  out.push({ value: String(y - 1), label: t().year(y - 1) });
  return out;
}

async function download(path, filename) {
  const blob = await api(path, { accept: "text/csv" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function districtView(r) {
  paint(h("p", { class: "muted" }, t().loading));
  const period = r.period ?? String(thisYear());
  const year = Number(period.slice(0, 4));
  const q = `districtId=${encodeURIComponent(r.districtId)}`;
  let data;
  try {
    const [compliance, trends, development, findings] = await Promise.all([
      scorecardOf(r.districtId, period),
      api(`/v1/reports/trends?${q}&months=12`),
      api(`/v1/reports/development?${q}&year=${year}`),
      api(`/v1/districts/${encodeURIComponent(r.districtId)}/findings?status=open&limit=50`),
    ]);
    data = { compliance, trends, development, findings };
  } catch (err) {
    return failed(err);
  }
  const { compliance, trends, development, findings } = data;
  const district = compliance.districts[0];
  const names = new Map(compliance.items.map((i) => [i.branchId, i.branchName]));
  const openFindings = compliance.items.reduce(
    (a, i) => a + i.findings.info + i.findings.warning + i.findings.severe,
    0,
  );
  const select = h(
    "select",
    {
      id: "period",
      onchange: () => go({ districtId: r.districtId, period: select.value }),
    },
    periodOptions().map((o) => h("option", { value: o.value, selected: o.value === period }, o.label)),
  );
  const funnel = development.districts[0];
  paint(
    h("h1", { tabindex: "-1" }, district?.name ?? ""),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "period" }, t().period, select),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () =>
            download(
              `/v1/reports/compliance?${q}&period=${period}`,
              `compliance-${district?.code}-${period}.csv`,
            ),
        },
        t().csv,
      ),
    ),
    h(
      "section",
      { class: "tiles", "aria-label": t().measures },
      stat(t().branches, compliance.summary.branches),
      stat(t().average, compliance.summary.averageScore ?? t().noScore),
      stat(t().needsAttention, compliance.summary.bands.poor),
      stat(t().openFindings, openFindings),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "grid-title" },
      h("h2", { id: "grid-title" }, t().grid),
      h("p", { class: "hint" }, t().gridHint),
      legend(),
      h(
        "ul",
        { class: "grid", id: "branch-grid" },
        compliance.items.map((i) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: `branch band-${i.band}`,
                "data-branch": i.branchId,
                "aria-label": `${i.branchName} — ${i.noRecords ? t().noRecords : t().band[i.band]}${i.score === null ? "" : ` ${i.score}`}`,
                onclick: () => go({ districtId: r.districtId, branchId: i.branchId, period }),
              },
              h("span", { class: "name" }, i.branchName),
              h(
                "span",
                { class: "score" },
                i.score ?? (i.noRecords ? t().noRecords : t().noScore),
                h("span", { class: "sr-only" }, i.noRecords ? t().noRecords : t().band[i.band]),
              ),
            ),
          ),
        ),
      ),
    ),
    trendSection(trends),
    h("div", { class: "row2" }, funnelSection(year, funnel), findingsSection(findings.items, names, true)),
  );
  drawTrends(trends);
  drawFunnel(funnel);
  focusHeading();
}

function stat(label, value) {
  return h(
    "div",
    { class: "card stat" },
    h("div", { class: "value" }, String(value)),
    h("div", { class: "label" }, label),
  );
}

function legend() {
  return h(
    "ul",
    { class: "legend" },
    ["good", "fair", "poor", "none"].map((b) =>
      h("li", {}, h("span", { class: `swatch band-${b}`, "aria-hidden": "true" }), t().band[b]),
    ),
  );
}

function chartFigure(id, caption, table) {
  return h(
    "figure",
    { class: "card" },
    h("figcaption", { id: `${id}-caption` }, caption),
    h("div", { class: "chart" }, h("canvas", { id, role: "img", "aria-labelledby": `${id}-caption` })),
    h("details", {}, h("summary", {}, t().showData), h("div", { class: "scroll" }, table)),
  );
}

function dataTable(headers, rows) {
  return h(
    "table",
    {},
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        headers.map((x) => h("th", { scope: "col" }, x)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {},
          r.map((c) => h("td", {}, String(c))),
        ),
      ),
    ),
  );
}

function trendSection(trends) {
  const p = trends.points;
  return h(
    "section",
    { "aria-labelledby": "trends-title" },
    h("h2", { id: "trends-title", class: "sr-only" }, t().trends),
    h(
      "div",
      { class: "row2" },
      chartFigure(
        "chart-study",
        t().studyChart,
        dataTable(
          [t().month, t().studyChart],
          p.map((x) => [x.month, pct(x.study.rate)]),
        ),
      ),
      chartFigure(
        "chart-meetings",
        t().meetingsChart,
        dataTable(
          [t().month, t().meetingsChart],
          p.map((x) => [x.month, x.meetings.total]),
        ),
      ),
      chartFigure(
        "chart-dues",
        `${t().duesChart}${p.some((x) => x.partial) ? t().running : ""}`,
        dataTable(
          [t().month, t().duesChart],
          p.map((x) => [x.month, x.partial ? "—" : pct(x.dues.rate)]),
        ),
      ),
    ),
  );
}

const percentAxis = { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } };

function drawTrends(trends) {
  if (!Chart) return;
  const labels = trends.points.map((p) => p.month.slice(2));
  const line = (id, values, colour) =>
    charts.push(
      new Chart(document.getElementById(id), {
        type: "line",
        data: {
          labels,
          datasets: [
            { data: values, borderColor: colour, backgroundColor: `${colour}33`, fill: true, tension: 0.3 },
          ],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: percentAxis },
        },
      }),
    );
  line(
    "chart-study",
    trends.points.map((p) => (p.study.rate === null ? null : Math.round(p.study.rate * 1000) / 10)),
    "#b71c1c",
  );
  // a month under way is still being paid: drawing it would show a fall that is not one
  line(
    "chart-dues",
    trends.points.map((p) =>
      p.partial || p.dues.rate === null ? null : Math.round(p.dues.rate * 1000) / 10,
    ),
    "#1565c0",
  );
  const kinds = Object.keys(t().kinds);
  charts.push(
    new Chart(document.getElementById("chart-meetings"), {
      type: "bar",
      data: {
        labels,
        datasets: kinds.map((k, i) => ({
          label: t().kinds[k],
          data: trends.points.map((p) => p.meetings.byKind[k] ?? 0),
          backgroundColor: KIND_COLOURS[i],
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom", labels: { boxWidth: 10 } } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
  );
}

function funnelSection(year, funnel) {
  const stages = Object.keys(t().stages);
  const figure = chartFigure(
    "chart-funnel",
    t().funnel(year),
    dataTable(
      [t().pipeline, t().people],
      stages.map((s) => [t().stages[s], funnel?.funnel[s] ?? 0]),
    ),
  );
  figure.append(
    h("p", { class: funnel?.overdueSteps ? "error" : "muted" }, t().overdue(funnel?.overdueSteps ?? 0)),
  );
  return figure;
}

function drawFunnel(funnel) {
  if (!Chart || !funnel) return;
  const stages = Object.keys(t().stages);
  charts.push(
    new Chart(document.getElementById("chart-funnel"), {
      type: "bar",
      data: {
        labels: stages.map((s) => t().stages[s]),
        datasets: [
          {
            data: stages.map((s) => funnel.funnel[s]),
            backgroundColor: ["#ffcdd2", "#ef9a9a", "#e57373", "#d32f2f", "#b71c1c"],
          },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
  );
}

const SEVERITY_ORDER = { severe: 0, warning: 1, info: 2 };
const FINDINGS_SHOWN = 10;

function findingsSection(items, names, withBranch) {
  const sorted = [...items].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.dueBy ?? "9999").localeCompare(b.dueBy ?? "9999"),
  );
  const row = (f) =>
    h(
      "tr",
      {},
      withBranch ? h("td", {}, names.get(f.branchId) ?? f.branchId) : null,
      h("td", { class: `sev sev-${f.severity}` }, t().sev[f.severity]),
      h("td", {}, f.message),
      h("td", { class: "nowrap" }, f.dueBy ?? ""),
    );
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      withBranch ? h("th", { scope: "col" }, t().col.branch) : null,
      h("th", { scope: "col", class: "nowrap" }, t().col.severity),
      h("th", { scope: "col" }, t().col.message),
      h("th", { scope: "col", class: "nowrap" }, t().col.due),
    ),
  );
  const body = h("tbody", {}, sorted.slice(0, FINDINGS_SHOWN).map(row));
  const rest = sorted.slice(FINDINGS_SHOWN);
  const more = rest.length
    ? h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: (e) => {
            body.append(...rest.map(row));
            e.currentTarget.remove();
          },
        },
        t().showAll(sorted.length),
      )
    : null;
  return h(
    "section",
    { class: "card", "aria-labelledby": "findings-title" },
    h("h2", { id: "findings-title" }, t().findings, " ", h("span", { class: "muted" }, `(${items.length})`)),
    items.length
      ? h("div", { class: "scroll" }, h("table", { id: "findings" }, head, body))
      : h("p", { class: "muted" }, t().noFindings),
    more,
  );
}

async function branchView(r) {
  paint(h("p", { class: "muted" }, t().loading));
  const period = r.period ?? String(thisYear());
  let data;
  try {
    const [compliance, trends, findings] = await Promise.all([
      scorecardOf(r.districtId, period),
      api(`/v1/reports/trends?branchId=${encodeURIComponent(r.branchId)}&months=12`),
      api(`/v1/branches/${encodeURIComponent(r.branchId)}/findings?status=open&limit=50`),
    ]);
    data = { compliance, trends, findings };
  } catch (err) {
    return failed(err);
  }
  const row = data.compliance.items.find((i) => i.branchId === r.branchId);
  if (!row) return failed(new ApiError(404, ""));
  const m = row.meetings;
  paint(
    h("a", { class: "back", href: `#/district/${r.districtId}?period=${period}` }, `← ${t().back}`),
    h(
      "h1",
      { tabindex: "-1" },
      row.branchName,
      " ",
      h(
        "span",
        { class: `badge band-${row.band}` },
        row.noRecords ? t().noRecords : `${t().band[row.band]} ${row.score ?? ""}`,
      ),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "measures-title" },
      h("h2", { id: "measures-title" }, t().measures),
      h(
        "dl",
        { class: "measures", id: "measures" },
        measure(t().score, row.score ?? t().noScore),
        measure(t().partyMembers, row.partyMembers),
        measure(t().meetings, m ? `${t().of(m.held, m.required)} · ${pct(m.rate)}` : t().notApplicable),
        measure(t().dues, `${t().of(row.dues.paid, row.dues.due)} · ${pct(row.dues.rate)}`),
        measure(t().study, `${t().members(row.study.activeMembers)} · ${pct(row.study.rate)}`),
        measure(
          t().inspection,
          row.inspection
            ? `${row.inspection.period} · ${row.inspection.score}/${row.inspection.maxScore}`
            : t().noInspection,
        ),
        measure(
          t().openFindings,
          `${t().sev.severe} ${row.findings.severe} · ${t().sev.warning} ${row.findings.warning} · ${t().sev.info} ${row.findings.info}`,
        ),
        measure(t().pipeline, t().pipelineText(row.pipeline)),
        measure(t().overdueSteps, row.pipeline.overdueSteps),
      ),
    ),
    trendSection(data.trends),
    h("div", { class: "row2" }, findingsSection(data.findings.items, new Map(), false)),
  );
  drawTrends(data.trends);
  focusHeading();
}

function measure(label, value) {
  return h("div", {}, h("dt", {}, label), h("dd", {}, String(value)));
}

document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "en" ? "zh-CN" : "en";
  localStorage.setItem(LANG, lang);
  start();
});
document.getElementById("signout").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  scorecard = { key: "", data: null };
  location.hash = "";
  signIn();
});
window.addEventListener("hashchange", start);
start();
