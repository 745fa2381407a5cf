import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, writeResponses } from "@vanguard/platform";

const tags = ["Community and volunteer service"];

export const ConfirmInput = z
  .object({
    code: z
      .string()
      .min(1)
      .max(120)
      .openapi({ description: "the confirmation code the branch gave for one session" }),
    personName: z
      .string()
      .min(1)
      .max(50)
      .openapi({ description: "the person who served, as the community knows them" }),
    confirmedBy: z.string().min(1).max(50).openapi({ example: "海滨社区党委 李红" }),
  })
  .strict();

export const confirm = createRoute({
  method: "post",
  path: "/v1/service-confirmations",
  tags,
  // no credential: the one-time code is the proof
  security: [],
  summary:
    "The community's contact confirms a service session with its one-time code (no key needed; limited per client address)",
  request: { body: jsonBody(ConfirmInput) },
  responses: {
    200: json(
      z
        .object({
          sessionId: z.string(),
          servedOn: z.string(),
          hours: z.number(),
          status: z.literal("confirmed"),
          confirmedAt: z.string(),
          confirmedBy: z.string(),
        })
        .openapi("ServiceConfirmationResult"),
      "the confirmed session",
    ),
    ...writeResponses,
  },
});

export type ConfirmRoute = typeof confirm;
