/**
 * The org tree as a materialized path: `/<root>/<child>/…/<self>/`. A subtree is every path with
 * the parent's path as prefix, which one indexed LIKE can read.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

export function depth(path: string): number {
  return path.split("/").filter(Boolean).length;
}

export const BRANCH_KINDS = ["branch", "general_branch", "committee"] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

/** A general branch (党总支) or base committee may hold branches; a branch holds only groups. */
export function canContain(parent: BranchKind, child: BranchKind): boolean {
  if (parent === "committee") return true;
  if (parent === "general_branch") return child === "branch";
  return false;
}
