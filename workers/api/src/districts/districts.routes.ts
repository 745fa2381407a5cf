import { createRoute, z } from "@hono/zod-openapi";
import { isValidTimeZone } from "@vanguard/domain";
import {
  errorResponses,
  json,
  jsonBody,
  Name,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

export const District = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    timeZone: z.string(),
    shard: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("District");

export const CreateDistrict = z
  .object({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, {
        message: "应为 2–32 位小写字母、数字或连字符|2–32 lowercase letters, digits or hyphens",
      })
      .openapi({ example: "ganyu" }),
    name: Name(100).openapi({ example: "赣榆区" }),
    timeZone: z
      .string()
      .refine(isValidTimeZone, { message: "未知时区|unknown time zone" })
      .default("Asia/Shanghai"),
    shard: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "placement override; least-loaded shard by default" }),
  })
  .strict();

const tags = ["Platform"];
const DistrictParams = z.object({ districtId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/districts",
  tags,
  security,
  summary: "Create a district (platform_admin)",
  request: { body: jsonBody(CreateDistrict) },
  responses: { 201: json(District, "the district"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/districts",
  tags,
  security,
  summary: "Districts in the caller's scope",
  request: { query: PageQuery },
  responses: { 200: json(pageSchema(District), "a page of districts"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}",
  summary: "A district",
  tags,
  security,
  request: { params: DistrictParams },
  responses: { 200: json(District, "the district"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
