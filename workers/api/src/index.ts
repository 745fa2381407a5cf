import { newId } from "@vanguard/db";
import { bearerAuth, CONTEXT_HEADER, createApp, registerSecurity, signContext } from "@vanguard/platform";
import { branches } from "./branches/branches.index";
import { calendar } from "./calendar/calendar.index";
import { committee } from "./committee/committee.index";
import { dashboardPage } from "./dashboard/dashboard.index";
import { districts } from "./districts/districts.index";
import { DOCS_HTML } from "./docs/docs-page";
import { mergedSpec } from "./docs/openapi";
import { dues } from "./dues/dues.index";
import type { ApiBindings } from "./env";
import { events } from "./events/events.index";
import { keys } from "./keys/keys.index";
import { members } from "./members/members.index";
import { forwardModules } from "./modules/forward-modules";
import { reports } from "./reports/reports.index";
import { transfers } from "./transfers/transfers.index";

const app = createApp<ApiBindings>({ service: "api" });
registerSecurity(app);

app.get("/health", (c) => c.json({ ok: true }));
app.get("/openapi.json", async (c) => c.json(await mergedSpec(app, c.env)));
app.get("/docs", (c) => c.html(DOCS_HTML));
app.get("/dashboard", dashboardPage);

app.use("/v1/*", bearerAuth());
app.use("/v1/*", forwardModules());

const routes = [
  districts,
  branches,
  keys,
  committee,
  events,
  members,
  dues,
  transfers,
  calendar,
  reports,
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

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<ApiBindings>;

/** The chains' sequencer lives in the api worker; the module workers bind it by script name. */
export { BranchSequencer } from "@vanguard/db/sequencer";
