import { createRoute, z } from "@hono/zod-openapi";
import { branchSetContext } from "@vanguard/db";
import { READ_BRANCH, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  createRouter,
  errorResponses,
  IsoDate,
  json,
  moduleBranch,
  security,
} from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import { buildDigests } from "./build-digest";

const route = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/digest",
  tags: ["Audits"],
  security,
  summary:
    "The day's digest: open findings and the coming week's political birthdays (政治生日, with the years)",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: z.object({ date: IsoDate.optional() }),
  },
  responses: {
    200: json(z.record(z.string(), z.unknown()).openapi("Digest"), "the digest a webhook receives"),
    ...errorResponses,
  },
});

const handler: AppRouteHandler<typeof route, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const date = c.req.valid("query").date ?? todayIn(tc.timeZone);
  const set = branchSetContext(c.get("plane"), tc.shard.index, [
    { branchId: tc.branchId, districtId: tc.districtId },
  ]);
  const digest = (await buildDigests(c.get("plane"), set, date)).get(tc.branchId)!;
  return c.json(digest as unknown as Record<string, unknown>, 200);
};

export const digestRouter = createRouter<AuditsBindings>().openapi(route, handler);
