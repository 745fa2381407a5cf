import { z } from "@hono/zod-openapi";
import { IsoDate, Name, Prose } from "@vanguard/platform";

export const ComplaintInput = z
  .object({
    receivedOn: IsoDate,
    summary: Prose(2000).openapi({ example: "群众反映其在邻里纠纷中态度恶劣，需核实" }),
    source: Name(100).optional().openapi({ example: "社区来信" }),
  })
  .strict();

export const ResolveInput = z
  .object({
    resolvedOn: IsoDate,
    resolution: Prose(2000).openapi({ example: "经支部委员会核实，反映情况不属实" }),
  })
  .strict();

export const ComplaintView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    memberId: z.string(),
    receivedOn: z.string(),
    source: z.string().nullable(),
    summary: z.string(),
    status: z.enum(["open", "resolved"]),
    resolvedOn: z.string().nullable(),
    resolution: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    version: z.number().int(),
  })
  .openapi("DevelopmentComplaint");
