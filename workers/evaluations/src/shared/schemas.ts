import { z } from "@hono/zod-openapi";
import { isQuarter } from "@vanguard/domain";

export const BranchParams = z.object({ branchId: z.string().max(64) });
export const DistrictParams = z.object({ districtId: z.string().max(64) });
export const MemberRef = z.string().max(64);

export const Quarter = z
  .string()
  .refine(isQuarter, { message: "应为 YYYY-Qn 格式的季度|must be a quarter as YYYY-Qn" })
  .openapi({ example: "2026-Q3" });

export const Year = z.number().int().min(2000).max(2100).openapi({ example: 2026 });
export const YearQuery = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2026 });

/** Points on a checklist: one decimal (half-point deductions are common). */
// the generator drops zod's multipleOf, so the spec is told it again
export const Score = z.number().min(0).max(1000).multipleOf(0.1).openapi({ multipleOf: 0.1 });

/** The `version` a client read, optional on PUT/POST actions; a stale one answers 409. */
export const OptionalVersion = z
  .number()
  .int()
  .min(1)
  .optional()
  .openapi({ description: "the version you read; a stale one answers 409" });
