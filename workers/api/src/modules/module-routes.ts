import type { ApiBindings } from "../env";

type ModuleBinding = keyof Pick<ApiBindings, "ONBOARDING" | "STUDY" | "EVALUATIONS" | "AUDITS">;

/**
 * Which worker owns which part of the URL space. The api worker authenticates and scope-checks,
 * then forwards; the module decides what the caller's role may do there.
 */
const BRANCH_ROUTES: [RegExp, ModuleBinding][] = [
  [/^(development|service)(\/|$)/, "ONBOARDING"],
  [/^(study|meetings)(\/|$)/, "STUDY"],
  [/^(inspections|duty-tasks|appraisals|records|secretary-reports|model-posts|awards)(\/|$)/, "EVALUATIONS"],
  [/^members\/[^/]+\/records(\/|$)/, "EVALUATIONS"],
  [/^(findings|webhook|digest)(\/|$)/, "AUDITS"],
];

const DISTRICT_ROUTES: [RegExp, ModuleBinding][] = [
  [/^(study|meetings)(\/|$)/, "STUDY"],
  [/^development(\/|$)/, "ONBOARDING"],
  [/^(inspection-templates|model-posts|awards|evaluations)(\/|$)/, "EVALUATIONS"],
  [/^findings(\/|$)/, "AUDITS"],
];

const PLATFORM_ROUTES: [RegExp, ModuleBinding][] = [[/^\/v1\/audits(\/|$)/, "AUDITS"]];

export const MODULE_BINDINGS: ModuleBinding[] = ["ONBOARDING", "STUDY", "EVALUATIONS", "AUDITS"];

function match(table: [RegExp, ModuleBinding][], rest: string): ModuleBinding | null {
  return table.find(([re]) => re.test(rest))?.[1] ?? null;
}

export type ModuleTarget =
  | { binding: ModuleBinding; scope: "branch"; id: string }
  | { binding: ModuleBinding; scope: "district"; id: string }
  | { binding: ModuleBinding; scope: "platform" };

export function moduleFor(path: string): ModuleTarget | null {
  const b = /^\/v1\/branches\/([^/]+)\/(.+)$/.exec(path);
  if (b) {
    const binding = match(BRANCH_ROUTES, b[2]!);
    return binding ? { binding, scope: "branch", id: b[1]! } : null;
  }
  const d = /^\/v1\/districts\/([^/]+)\/(.+)$/.exec(path);
  if (d) {
    const binding = match(DISTRICT_ROUTES, d[2]!);
    return binding ? { binding, scope: "district", id: d[1]! } : null;
  }
  const binding = match(PLATFORM_ROUTES, path);
  return binding ? { binding, scope: "platform" } : null;
}
