// @vanguard/db, the core every worker shares: the directory, the tenant rooms (roll, dues,
// committee, events, moves), the write path, shard routing, ids, the schema, and the folders
// several workers read (evidence, practices). The modules' own data access is in the sub-paths
// (@vanguard/db/onboarding, /study, /evaluations, /audits), the cross-module reads in
// @vanguard/db/reports and the member-record registry in @vanguard/db/registry; core imports none
// of them (docs/architecture.md, "The rooms of packages/db").
export * from "./d1/counting";
export * from "./directory/accounts";
export * from "./directory/anchors";
export * from "./directory/branches";
export * from "./directory/calendar";
export * from "./directory/districts";
export * from "./directory/keys";
export * from "./directory/rule-sets";
export * from "./directory/sessions";
export * from "./directory/transfers";
export * from "./directory/working-calendar";
export * from "./evidence/index";
export * from "./ids";
export * from "./practices/index";
export * from "./roll/persons";
export * from "./roll/reserve";
export * as schema from "./schema/index";
export * from "./shards";
export * from "./tenant/committee";
export * from "./tenant/context";
export * from "./tenant/dues";
export * from "./tenant/events";
export type { MemberRecordTable } from "./tenant/member-record-table";
export * from "./tenant/member-records";
export * from "./tenant/members";
export * from "./tenant/moves";
export * from "./write/chain";
export * from "./write/errors";
export * from "./write/generations";
export * from "./write/retention";
export { bulkInsert, expectChanged, rawStatement, statement } from "./write/sql";
export * from "./write/tenant-write";
export type { Actor, EventDraft, Head, IdempotencyClaim, Planned } from "./write/writer";
export { IDEMPOTENCY_RETENTION_MS, SYSTEM_ROLE } from "./write/writer";
