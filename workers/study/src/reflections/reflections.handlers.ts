import {
  currentRules,
  type DataPlane,
  featureReflectionStatements,
  getMember,
  getReflection,
  insertReflection,
  listReflections,
  newId,
  type ReflectionListRow,
  reflectionOnSubject,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import { getMaterial, getMeeting } from "@vanguard/db/study";
import {
  ACT_OWN,
  checkFeature,
  checkReflection,
  isPartyMember,
  MANAGE_BRANCH,
  PRACTICE_RULES_KIND,
  periodOf,
  READ_DISTRICT,
  READ_OWN,
  REFLECTION_KIND,
  reflectionExists,
  reflectionLength,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  internalContext,
  moduleBranch,
  moduleDistrict,
  notFound,
  page,
  requireSelfOrAdmin,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { scoreInPlan } from "../activities/record";
import { NOT_ON_ROLL } from "../tickets/earn";
import { modelLearners } from "./learners";
import type {
  BranchLearnersRoute,
  DistrictFeaturedRoute,
  DistrictLearnersRoute,
  FeatureRoute,
  ListRoute,
  SubmitRoute,
} from "./reflections.routes";

const view = (r: ReflectionListRow) => ({
  id: r.id,
  branchId: r.branchId,
  memberId: r.memberId,
  memberName: r.memberName,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  title: r.title,
  text: r.text,
  submittedAt: r.submittedAt,
  featuredAt: r.featuredAt,
  featuredBy: r.featuredBy,
  awarded: r.awarded,
});

/** A material the district has published and not retired, or a meeting of the branch. */
async function subjectFound(
  tc: TenantContext,
  s: { subjectType: "material" | "meeting"; subjectId: string },
): Promise<boolean> {
  if (s.subjectType === "meeting") return (await getMeeting(tc, s.subjectId)) !== undefined;
  const m = await getMaterial(tc, s.subjectId);
  return !!m && m.retiredAt === null && m.publishOn <= todayIn(tc.timeZone);
}

export const submit: AppRouteHandler<SubmitRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, ACT_OWN);
  requireSelfOrAdmin(internalContext(c).principal, body.memberId);
  const rules = (await currentRules(c.get("plane"), tc.districtId, PRACTICE_RULES_KIND)).rules;
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const [member, found, existing] = await Promise.all([
      getMember(tc, body.memberId),
      subjectFound(tc, body),
      reflectionOnSubject(tc, body),
    ]);
    if (!member || member.leftOn || !isPartyMember(member.status)) throw notFound(NOT_ON_ROLL);
    const failures = checkReflection({ text: body.text, subjectFound: found }, rules);
    if (existing) failures.push(reflectionExists(existing.id));
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("reflection"),
      memberId: body.memberId,
      subjectType: body.subjectType,
      subjectId: body.subjectId,
      title: body.title,
      text: body.text,
      submittedAt: new Date().toISOString(),
      featuredAt: null,
      featuredBy: null,
      awarded: 0,
      version: 1,
    };
    return {
      statements: [insertReflection(tc, row)],
      events: [
        event({
          action: "study.reflection_submitted",
          subjectType: "member",
          subjectId: row.memberId,
          // the length, not the text: the log is read by the district and auditors
          after: {
            reflectionId: row.id,
            subjectType: row.subjectType,
            subjectId: row.subjectId,
            title: row.title,
            length: reflectionLength(row.text),
          },
        }),
      ],
      result: view({ ...row, branchId: tc.branchId, districtId: tc.districtId, memberName: member.name }),
    };
  });
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, featured, memberId } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const self = internalContext(c).principal;
  // a member key reads the branch's featured reflections and its own, nobody else's drafts
  const onlyFeatured = featured === "true";
  const who = self.role === "member" && !onlyFeatured ? (self.memberId ?? "") : memberId;
  const rows = await listReflections(tc, {
    memberId: who,
    featured: onlyFeatured,
    before: decodeCursor(cursor) ?? null,
    limit: limit + 1,
  });
  return c.json(
    page(rows, limit, (r) => r.id, view),
    200,
  );
};

/** Points for a feature, scored inside the write like any earned activity (caps and day versions hold). */
async function featurePoints(
  plane: DataPlane,
  tc: TenantContext,
  r: { id: string; memberId: string },
  opts: { recordedBy: string; now: Date },
) {
  const { outcomes, landed, statements } = await scoreInPlan(
    plane,
    tc,
    [
      {
        memberId: r.memberId,
        kind: REFLECTION_KIND,
        occurredAt: opts.now.toISOString(),
        durationSec: null,
        units: 1,
        ref: r.id,
        source: "earned",
      },
    ],
    { recorder: "branch", recordedBy: opts.recordedBy, now: opts.now },
  );
  const o = outcomes[0]!;
  if (!o.ok) {
    // a district whose study rules have no `reflection` kind features without points
    if (o.failures.every((f) => f.rule === "activity_kind_unknown"))
      return { activity: null, statements: [] };
    throw ruleViolation(o.failures);
  }
  return { activity: landed[0]!.result, statements };
}

export const feature: AppRouteHandler<FeatureRoute> = async (c) => {
  const { branchId, reflectionId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const req = await writeRequest(c, 200);
  const plane = c.get("plane");
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const r = await getReflection(tc, reflectionId);
    if (!r) throw notFound();
    const refused = checkFeature(r);
    if (refused.length) throw ruleViolation(refused);
    const now = new Date();
    const member = await getMember(tc, r.memberId);
    const points = await featurePoints(plane, tc, r, { recordedBy: req.actor.principalId, now });
    const awarded = points.activity ? points.activity.awarded - points.activity.deducted : 0;
    const set = { featuredAt: now.toISOString(), featuredBy: req.actor.principalId, awarded };
    return {
      statements: [...featureReflectionStatements(tc, r, set), ...points.statements],
      events: [
        event({
          action: "study.reflection_featured",
          subjectType: "member",
          subjectId: r.memberId,
          after: {
            reflectionId: r.id,
            awarded,
            activityId: points.activity?.id ?? null,
            capped: points.activity?.capped ?? false,
          },
        }),
      ],
      result: view({ ...r, ...set, memberName: member?.name ?? null }),
    };
  });
  return c.json(result, 200);
};

export const branchLearners: AppRouteHandler<BranchLearnersRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { period, date, limit } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const span = periodOf(period, date ?? todayIn(tc.timeZone));
  const items = await modelLearners(tc, tc.timeZone, span, limit);
  return c.json({ branchId, ...span, items }, 200);
};

export const districtLearners: AppRouteHandler<DistrictLearnersRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { period, date, limit } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const span = periodOf(period, date ?? todayIn(dc.timeZone));
  const items = await modelLearners(dc, dc.timeZone, span, limit);
  return c.json({ districtId, ...span, items }, 200);
};

export const districtFeatured: AppRouteHandler<DistrictFeaturedRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listReflections(dc, {
    featured: true,
    before: decodeCursor(cursor) ?? null,
    limit: limit + 1,
  });
  return c.json(
    page(rows, limit, (r) => r.id, view),
    200,
  );
};
