import { bearerAuth, createApp, registerSecurity } from "@vanguard/platform";
import { branches } from "./branches/branches.index";
import { calendar } from "./calendar/calendar.index";
import { committee } from "./committee/committee.index";
import { districts } from "./districts/districts.index";
import { DOCS_HTML } from "./docs/docs-page";
import { mergedSpec } from "./docs/openapi";
import { dues } from "./dues/dues.index";
import type { ApiBindings } from "./env";
import { events } from "./events/events.index";
import { keys } from "./keys/keys.index";
import { members } from "./members/members.index";
import { forwardModules } from "./modules/forward-modules";
import { transfers } from "./transfers/transfers.index";

const app = createApp<ApiBindings>({ service: "api" });
registerSecurity(app);

app.get("/health", (c) => c.json({ ok: true }));
app.get("/openapi.json", async (c) => c.json(await mergedSpec(app, c.env)));
app.get("/docs", (c) => c.html(DOCS_HTML));

app.use("/v1/*", bearerAuth());
app.use("/v1/*", forwardModules());

const routes = [districts, branches, keys, committee, events, members, dues, transfers, calendar] as const;
for (const r of routes) app.route("/", r);

export default app;
