import { ACT_OWN } from "@vanguard/domain";
import {
  type AppRouteHandler,
  internalContext,
  moduleBranch,
  requireSelfOrAdmin,
  writeRequest,
} from "@vanguard/platform";
import type { RecordBatchRoute, RecordRoute } from "./activities.routes";
import { recordActivities } from "./record";

const input = (a: {
  memberId: string;
  kind: string;
  occurredAt: string;
  durationSec?: number;
  units?: number;
  ref?: string;
}) => ({
  memberId: a.memberId,
  kind: a.kind,
  occurredAt: a.occurredAt,
  durationSec: a.durationSec ?? null,
  units: a.units ?? null,
  ref: a.ref ?? null,
});

export const record: AppRouteHandler<RecordRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, ACT_OWN);
  const { principal } = internalContext(c);
  requireSelfOrAdmin(principal, body.memberId);
  const result = await recordActivities(c.get("plane"), tc, await writeRequest(c, 201), [input(body)], {
    recorder: principal.role === "member" ? "member" : "branch",
    single: true,
    present: (outcomes) => {
      const o = outcomes[0]!;
      // refusals throw inside the plan; only a recorded activity reaches here
      if (!o.ok) throw new Error("unreachable: a refused activity was presented");
      return o.result;
    },
  });
  return c.json(result, 201);
};

export const recordBatch: AppRouteHandler<RecordBatchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { activities } = c.req.valid("json");
  const tc = moduleBranch(c, branchId, ACT_OWN);
  const { principal } = internalContext(c);
  for (const a of activities) requireSelfOrAdmin(principal, a.memberId);
  const lang = c.get("lang");
  const result = await recordActivities(
    c.get("plane"),
    tc,
    await writeRequest(c, 201),
    activities.map(input),
    {
      recorder: principal.role === "member" ? "member" : "branch",
      present: (outcomes) => ({
        recorded: outcomes.filter((o) => o.ok).length,
        items: outcomes.flatMap((o) => (o.ok ? [{ index: o.index, ...o.result }] : [])),
        rejected: outcomes.flatMap((o) =>
          o.ok
            ? []
            : [
                {
                  index: o.index,
                  errors: o.failures.map((f) => ({
                    rule: f.rule,
                    message: lang === "en" ? f.message.en : f.message.zh,
                    facts: f.facts,
                  })),
                },
              ],
        ),
      }),
    },
  );
  return c.json(result, 201);
};
