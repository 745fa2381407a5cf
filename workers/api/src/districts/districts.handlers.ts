import {
  type District,
  directoryWrite,
  insertDistrict,
  leastLoadedShard,
  listDistricts,
  newId,
} from "@vanguard/db";
import { PLATFORM_ONLY, READ_DISTRICT } from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  districtScope,
  invalid,
  page,
  requireRole,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { CreateRoute, GetRoute, ListRoute } from "./districts.routes";

export const view = (d: District) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  timeZone: d.timeZone,
  shard: d.shard,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  version: d.version,
});

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const p = c.get("principal");
  requireRole(p, PLATFORM_ONLY);
  const body = c.req.valid("json");
  const plane = c.get("plane");
  if (body.shard !== undefined && body.shard >= plane.shardCount) {
    throw invalid("shard", {
      zh: `分片编号应小于 ${plane.shardCount}`,
      en: `shard must be below ${plane.shardCount}`,
    });
  }
  const id = newId("district");
  const result = await directoryWrite(plane, await writeRequest(c, 201), id, async () => {
    const now = new Date().toISOString();
    const row = {
      id,
      code: body.code,
      name: body.name,
      timeZone: body.timeZone,
      shard: body.shard ?? (await leastLoadedShard(plane)),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return {
      statements: [insertDistrict(plane, row)],
      events: [
        {
          scopeId: id,
          districtId: id,
          action: "district.created",
          subjectType: "district",
          subjectId: id,
          after: row,
        },
      ],
      result: view(row),
    };
  }).catch(conflictAs({ zh: `区划代码 ${body.code} 已存在`, en: `district code ${body.code} exists` }));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const p = c.get("principal");
  requireRole(p, READ_DISTRICT);
  const { limit, cursor } = c.req.valid("query");
  const ids =
    p.role === "district_admin"
      ? [p.districtId ?? ""]
      : p.role === "auditor"
        ? (p.auditDistricts ?? undefined)
        : undefined;
  const rows = await listDistricts(c.get("plane"), { limit: limit + 1, after: decodeCursor(cursor), ids });
  return c.json(
    page(rows, limit, (d) => d.id, view),
    200,
  );
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { district } = await districtScope(c, districtId, READ_DISTRICT);
  return c.json(view(district), 200);
};
