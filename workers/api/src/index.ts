import { newId } from "@vanguard/db";
import {
  authenticate,
  CONTEXT_HEADER,
  createApp,
  personalDataKeys,
  registerSecurity,
  signContext,
  uploadBodyLimit,
} from "@vanguard/platform";
import { accounts } from "./accounts/accounts.index";
import { auth } from "./auth/auth.index";
import { branches } from "./branches/branches.index";
import { calendar } from "./calendar/calendar.index";
import { committee } from "./committee/committee.index";
import { consolePage, phonePage } from "./console/console-page";
import { districts } from "./districts/districts.index";
import { DOCS_CSP, DOCS_HTML, DOCS_INIT_JS } from "./docs/docs-page";
import { HOME_CSP, HOME_HTML } from "./docs/home-page";
import { mergedSpec } from "./docs/openapi";
import { dues } from "./dues/dues.index";
import { elections } from "./elections/elections.index";
import type { ApiBindings } from "./env";
import { events } from "./events/events.index";
import { evidence } from "./evidence/evidence.index";
import { keys } from "./keys/keys.index";
import { members } from "./members/members.index";
import { forwardModules } from "./modules/forward-modules";
import { practiceRules } from "./practice-rules/practice-rules.index";
import { reports } from "./reports/reports.index";
import { serviceConfirmations } from "./service-confirmations/service-confirmations.index";
import { forgetCountsAfterWrites } from "./shared/kept-page";
import { UPLOADS } from "./shared/uploads";
import { today } from "./today/today.index";
import { transfers } from "./transfers/transfers.index";

const app = createApp<ApiBindings>({ service: "api", uploads: UPLOADS, personalData: true });
registerSecurity(app);

app.get("/health", (c) => c.json({ ok: true }));
app.get("/openapi.json", async (c) => c.json(await mergedSpec(app, c.env)));
app.get("/", (c) => {
  c.header("Content-Security-Policy", HOME_CSP);
  return c.html(HOME_HTML);
});
app.get("/docs", (c) => {
  c.header("Content-Security-Policy", DOCS_CSP);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(DOCS_HTML);
});
app.get("/docs/init.js", (c) => {
  c.header("Content-Type", "text/javascript; charset=utf-8");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(DOCS_INIT_JS);
});
// the console replaced the key-based dashboard; old bookmarks land on it
app.get("/dashboard", (c) => c.redirect("/console/", 301));
app.get("/console/*", consolePage);
app.get("/m", phonePage);
app.get("/m/*", phonePage);

app.use("/v1/*", authenticate());
app.use("/v1/*", forgetCountsAfterWrites());
app.use("/v1/*", uploadBodyLimit(UPLOADS));
app.use("/v1/*", forwardModules());

const routes = [
  auth,
  accounts,
  districts,
  branches,
  keys,
  committee,
  events,
  evidence,
  members,
  dues,
  transfers,
  calendar,
  reports,
  serviceConfirmations,
  elections,
  practiceRules,
  today,
] as const;
for (const r of routes) app.route("/", r);

/**
 * The api worker has no cron triggers of its own. Locally, `wrangler dev --test-scheduled` serves
 * `/__scheduled` for the first worker only, so a test cron arriving here is handed to the audits
 * worker, which owns the schedules in production.
 */
async function scheduled(controller: ScheduledController, env: ApiBindings): Promise<void> {
  if (!env.AUDITS) return;
  const token = await signContext(env.INTERNAL_SECRET, {
    principal: { ...SCHEDULER, auditDistricts: null },
    requestId: newId("request"),
    lang: "zh-CN",
  });
  const res = await env.AUDITS.fetch("https://audits.internal/internal/scheduled", {
    method: "POST",
    headers: { "content-type": "application/json", [CONTEXT_HEADER]: token },
    body: JSON.stringify({ cron: controller.cron, scheduledTime: controller.scheduledTime }),
  });
  if (!res.ok) throw new Error(`audits refused the cron: ${res.status} ${await res.text()}`);
}

const SCHEDULER = {
  id: "system:scheduler",
  keyId: "system",
  role: "platform_admin" as const,
  districtId: null,
  branchId: null,
  memberId: null,
};

const HEALTHY = '{"ok":true}';

/**
 * `/health` is answered before the router: a probe needs no request id, log line, data plane or
 * body limit, and measured under load those layers cost /health about half of a bare worker's
 * throughput (README, "Benchmarks"). It still answers 500 without usable personal-data keys: on a
 * failed check the app answers, with its problem and its log line.
 */
async function fetch(req: Request, env: ApiBindings, ctx: ExecutionContext): Promise<Response> {
  if (req.method === "GET" && req.url.endsWith("/health") && new URL(req.url).pathname === "/health") {
    const usable = await personalDataKeys(env).then(
      () => true,
      () => false,
    );
    if (usable) return new Response(HEALTHY, { headers: { "content-type": "application/json" } });
  }
  return app.fetch(req, env, ctx);
}

export default { fetch, scheduled } satisfies ExportedHandler<ApiBindings>;

/** The chains' sequencer lives in the api worker; the module workers bind it by script name. */
export { BranchSequencer } from "@vanguard/db/sequencer";
