import { z } from "@hono/zod-openapi";
import { SERVICE_KINDS } from "@vanguard/domain";
import { IsoDate, Name, Prose } from "@vanguard/platform";
import { BranchParams, MemberRef } from "../shared/schemas";

export const Kind = z.enum(SERVICE_KINDS).openapi({
  description:
    "community: 报到服务 with a community or village (双报到); volunteer: 志愿服务 with a volunteer team",
});

export const RegistrationInput = z
  .object({
    memberId: MemberRef,
    kind: Kind,
    organization: Name(100).openapi({ example: "青口镇海滨社区" }),
    contactName: Name(50).optional().openapi({ example: "社区党委 李主任" }),
    registeredOn: IsoDate,
  })
  .strict();

export const RegistrationView = z
  .object({
    id: z.string(),
    memberId: z.string(),
    kind: Kind,
    organization: z.string(),
    contactName: z.string().nullable(),
    registeredOn: z.string(),
    endedOn: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi("ServiceRegistration");

export const SessionInput = z
  .object({
    registrationId: z.string().min(1).max(64),
    servedOn: IsoDate,
    hours: z
      .number()
      .openapi({ example: 3, description: "hours served that day, more than 0 and at most 24" }),
    description: Prose(500).openapi({ example: "参与社区垃圾分类宣传，入户走访12户" }),
  })
  .strict();

export const SessionView = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    memberId: z.string(),
    kind: Kind,
    servedOn: z.string(),
    hours: z.number(),
    description: z.string(),
    status: z.enum(["pending", "confirmed"]),
    codeExpiresOn: z.string(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi("ServiceSession");

export const IssuedSession = SessionView.extend({
  confirmationCode: z.string().openapi({
    description:
      "shown once: the branch hands it to the community's contact, who confirms this session with it at POST /v1/service-confirmations (single use, bound to this person and session; only its SHA-256 is stored)",
  }),
}).openapi("ServiceSessionIssued");

export const SessionQuery = z.object({
  memberId: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const RegistrationQuery = z.object({
  memberId: z.string().max(64).optional(),
  kind: Kind.optional(),
});

export const MemberParams = BranchParams.extend({ memberId: z.string().max(64) });

const Hours = z.object({ confirmedHours: z.number(), pendingHours: z.number(), sessions: z.number().int() });
export const ServiceSummary = z
  .object({
    memberId: z.string(),
    year: z.number().int(),
    community: Hours,
    volunteer: Hours,
  })
  .openapi("ServiceSummary");

export const BranchServiceReport = z
  .object({
    year: z.number().int(),
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        community: z.number().openapi({ description: "confirmed hours of community service in the year" }),
        volunteer: z.number().openapi({ description: "confirmed hours of volunteer service in the year" }),
      }),
    ),
    totals: z.object({ community: z.number(), volunteer: z.number() }),
  })
  .openapi("BranchServiceReport");

export const ConfirmInput = z
  .object({
    code: z.string().min(1).max(120),
    personName: Name(50).openapi({ description: "the person who served, as the community knows them" }),
    confirmedBy: Name(50).openapi({ example: "海滨社区党委 李红" }),
  })
  .strict();

export const ConfirmedView = z
  .object({
    sessionId: z.string(),
    servedOn: z.string(),
    hours: z.number(),
    status: z.literal("confirmed"),
    confirmedAt: z.string(),
    confirmedBy: z.string(),
  })
  .openapi("ServiceConfirmation");
