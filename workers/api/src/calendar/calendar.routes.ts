import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, IsoDate, json, jsonBody, Name, security, writeResponses } from "@vanguard/platform";

const tags = ["Platform"];
const Year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(["holiday", "workday"]),
  name: z.string().nullable(),
  source: z.enum(["bundled", "entered"]),
});

export const Calendar = z
  .object({ year: z.number().int(), days: z.array(CalendarDay) })
  .openapi("WorkingCalendar");

export const get = createRoute({
  method: "get",
  path: "/v1/calendar/{year}",
  tags,
  security,
  summary: "Official holidays and make-up workdays (调休) of a year",
  request: { params: Year },
  responses: { 200: json(Calendar, "the year's special days"), ...errorResponses },
});

export const put = createRoute({
  method: "put",
  path: "/v1/calendar/{year}",
  tags,
  security,
  summary: "Enter a year's official days as published by the State Council (platform_admin)",
  request: {
    params: Year,
    body: jsonBody(
      z
        .object({
          days: z
            .array(
              z
                .object({ date: IsoDate, kind: z.enum(["holiday", "workday"]), name: Name(40).optional() })
                .strict(),
            )
            .max(366),
        })
        .strict(),
    ),
  },
  responses: { 200: json(Calendar, "the year's special days"), ...writeResponses },
});

export type GetRoute = typeof get;
export type PutRoute = typeof put;
