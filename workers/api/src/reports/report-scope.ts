import type { DataPlane } from "@vanguard/db";
import {
  type ReportBranch,
  type ReportDirectory,
  type ReportSet,
  readReportDirectory,
  reportSets,
} from "@vanguard/db/reports";
import { type CadenceRule, DEFAULT_STUDY_RULES, READ_DISTRICT, type StudyRules } from "@vanguard/domain";
import { notFound, requireRole, seesDistrict } from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiEnv } from "../env";

/** Reports are read by the district committee, auditors and the platform (docs/api.md §Roles and scopes). */

/** The meeting cadence is part of the study rule set a district publishes. */
const STUDY_RULE_MODULE = "study";

export interface ReportScope {
  plane: DataPlane;
  directory: ReportDirectory;
  /** the branches reported on, in org-tree order within each district */
  branches: ReportBranch[];
  sets: ReportSet[];
}

/**
 * The districts a report covers, from the caller alone: the one asked for if it is in scope (404
 * otherwise, like every other resource), or every district the caller sees (null: all of them).
 */
export function reportDistricts(c: Context<ApiEnv>, districtId: string | undefined): string[] | null {
  const p = c.get("principal");
  // the role is checked first: a branch key may never read reports, whichever district it names
  requireRole(p, READ_DISTRICT);
  if (districtId !== undefined) {
    if (!seesDistrict(p, districtId)) throw notFound();
    return [districtId];
  }
  if (p.role === "district_admin") return p.districtId ? [p.districtId] : [];
  if (p.role === "auditor") return p.auditDistricts;
  return null;
}

/** What a report covers, read from the directory in one round trip (see `reportDistricts`). */
export async function reportScope(
  c: Context<ApiEnv>,
  districtId: string | undefined,
  branchId?: string,
): Promise<ReportScope> {
  const ids = reportDistricts(c, districtId);
  const plane = c.get("plane");
  const directory = await readReportDirectory(plane, ids, STUDY_RULE_MODULE);
  if (districtId !== undefined && !directory.districts.length) throw notFound();
  let branches = directory.branches;
  if (branchId !== undefined) {
    branches = branches.filter((b) => b.id === branchId);
    if (!branches.length) throw notFound();
  }
  return { plane, directory, branches, sets: reportSets(plane, directory.districts, branches) };
}

export function meetingRules(directory: ReportDirectory, districtId: string): CadenceRule[] {
  const stored = directory.ruleSets.get(districtId);
  if (!stored) return DEFAULT_STUDY_RULES.meetings;
  return (JSON.parse(stored.body) as Partial<StudyRules>).meetings ?? DEFAULT_STUDY_RULES.meetings;
}

/** The branches of one set, in the directory's order. */
export function branchesOf(scope: ReportScope, rs: ReportSet): ReportBranch[] {
  const wanted = new Set(rs.set.branches.map((b) => b.branchId));
  return scope.branches.filter((b) => wanted.has(b.id));
}
