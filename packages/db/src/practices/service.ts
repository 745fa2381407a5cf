import { and, asc, desc, eq, sql } from "drizzle-orm";
import { serviceRegistrations, serviceSessions } from "../schema/practices";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type ServiceRegistrationRow = typeof serviceRegistrations.$inferSelect;
export type ServiceSessionRow = typeof serviceSessions.$inferSelect;

function regScope(tc: TenantContext) {
  return and(
    eq(serviceRegistrations.districtId, tc.districtId),
    eq(serviceRegistrations.branchId, tc.branchId),
  );
}
function sessionScope(tc: TenantContext) {
  return and(eq(serviceSessions.districtId, tc.districtId), eq(serviceSessions.branchId, tc.branchId));
}

export function listServiceRegistrations(
  tc: TenantContext,
  filter: { memberId?: string; kind?: string } = {},
) {
  return tc.shard.db
    .select()
    .from(serviceRegistrations)
    .where(
      and(
        regScope(tc),
        filter.memberId ? eq(serviceRegistrations.memberId, filter.memberId) : undefined,
        filter.kind
          ? eq(serviceRegistrations.kind, filter.kind as ServiceRegistrationRow["kind"])
          : undefined,
      ),
    )
    .orderBy(asc(serviceRegistrations.id));
}

export function getServiceRegistration(
  tc: TenantContext,
  id: string,
): Promise<ServiceRegistrationRow | undefined> {
  return tc.shard.db
    .select()
    .from(serviceRegistrations)
    .where(and(regScope(tc), eq(serviceRegistrations.id, id)))
    .get();
}

export function insertServiceRegistration(
  tc: TenantContext,
  row: Omit<ServiceRegistrationRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(serviceRegistrations)
      .values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function listServiceSessions(
  tc: TenantContext,
  filter: { memberId?: string; from?: string; to?: string } = {},
) {
  return tc.shard.db
    .select()
    .from(serviceSessions)
    .where(
      and(
        sessionScope(tc),
        filter.memberId ? eq(serviceSessions.memberId, filter.memberId) : undefined,
        filter.from ? sql`${serviceSessions.servedOn} >= ${filter.from}` : undefined,
        filter.to ? sql`${serviceSessions.servedOn} <= ${filter.to}` : undefined,
      ),
    )
    .orderBy(desc(serviceSessions.servedOn), asc(serviceSessions.id));
}

/** Hours of a person's sessions on one day (pending ones count: the day holds 24 hours either way). */
export async function serviceHoursOnDay(tc: TenantContext, memberId: string, day: string): Promise<number> {
  const r = await tc.shard.db
    .select({ h: sql<number>`coalesce(sum(${serviceSessions.hours}), 0)` })
    .from(serviceSessions)
    .where(and(sessionScope(tc), eq(serviceSessions.memberId, memberId), eq(serviceSessions.servedOn, day)))
    .get();
  return r?.h ?? 0;
}

/** A person's confirmed community-service sessions: the pipeline's service gate reads them. */
export function confirmedCommunityService(tc: TenantContext, memberIdSql: ReturnType<typeof sql> | string) {
  return tc.shard.db
    .select({
      id: serviceSessions.id,
      servedOn: serviceSessions.servedOn,
      hours: serviceSessions.hours,
      description: serviceSessions.description,
      confirmedAt: serviceSessions.confirmedAt,
      confirmedBy: serviceSessions.confirmedBy,
    })
    .from(serviceSessions)
    .where(
      and(
        sessionScope(tc),
        eq(serviceSessions.kind, "community"),
        eq(serviceSessions.status, "confirmed"),
        typeof memberIdSql === "string"
          ? eq(serviceSessions.memberId, memberIdSql)
          : sql`${serviceSessions.memberId} = ${memberIdSql}`,
      ),
    )
    .orderBy(asc(serviceSessions.servedOn));
}

export function insertServiceSession(
  tc: TenantContext,
  row: Omit<ServiceSessionRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(serviceSessions).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function serviceSessionByCode(
  tc: TenantContext,
  codeHash: string,
): Promise<ServiceSessionRow | undefined> {
  return tc.shard.db
    .select()
    .from(serviceSessions)
    .where(and(sessionScope(tc), eq(serviceSessions.codeHash, codeHash)))
    .get();
}

/** Confirms a pending session once: a second redemption (or a concurrent one) aborts the batch. */
export function confirmServiceSession(
  tc: TenantContext,
  s: Pick<ServiceSessionRow, "id" | "version">,
  by: { confirmedBy: string; confirmedAt: string },
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(serviceSessions)
        .set({ ...by, status: "confirmed", version: s.version + 1 })
        .where(
          and(
            sessionScope(tc),
            eq(serviceSessions.id, s.id),
            eq(serviceSessions.version, s.version),
            eq(serviceSessions.status, "pending"),
          ),
        ),
    ),
    expectChanged(tc.shard.d1),
  ];
}
