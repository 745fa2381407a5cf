import { createRoute, z } from "@hono/zod-openapi";
import { json, security, writeResponses } from "@vanguard/platform";
import { ActivityResult } from "../activities/activities.routes";
import { BranchMaterialParams, BranchParams, TicketView } from "../materials/materials.schemas";

const tags = ["Study: library"];

export const Reason = z
  .object({
    code: z.enum(["already_read_today", "daily_cap_reached"]),
    message: z.string(),
  })
  .openapi("StudyEarnReason", { description: "why it earned less than a fresh read or a first quiz would" });

export const issue = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/materials/{materialId}/tickets",
  tags,
  security,
  summary:
    "Open an article or a video for reading: a ticket bound to you and the material, redeemable after its minimum time",
  description:
    "Members only, for themselves. Opening a material you already hold an open ticket for answers that ticket (200) instead of issuing another.",
  request: { params: BranchMaterialParams },
  responses: {
    200: json(TicketView, "the ticket you already hold open for this material"),
    201: json(TicketView, "a new ticket"),
    ...writeResponses,
  },
});

export const redeem = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/tickets/{ticketId}/redeem",
  tags,
  security,
  summary:
    "Redeem a reading ticket once its time has come: the read earns points (earned) within the day's caps",
  description:
    "A material counts once a day: a second read the same day is redeemed with `awarded: 0` and the reason `already_read_today`, and records no activity. Refused (422, nothing awarded, the ticket unchanged): a ticket already redeemed, before its time, lapsed, or for a material not (or no longer) published. Another member's ticket is not found (404).",
  request: { params: BranchParams.extend({ ticketId: z.string().max(64) }) },
  responses: {
    200: json(
      z
        .object({
          ticket: TicketView,
          outcome: z.enum(["credited", "repeat"]).openapi({
            description: "credited: the day's read of this material; repeat: it already counted today",
          }),
          awarded: z.number().int().openapi({ description: "points this read earned" }),
          capped: z.boolean(),
          reason: Reason.nullable(),
          activities: z.array(ActivityResult).openapi({ description: "the earned activities it recorded" }),
          dayTotal: z.number().int().nullable().openapi({ description: "your points today after it" }),
        })
        .openapi("StudyRedemption"),
      "the ticket, redeemed, and what it earned",
    ),
    ...writeResponses,
  },
});

export type IssueRoute = typeof issue;
export type RedeemRoute = typeof redeem;
