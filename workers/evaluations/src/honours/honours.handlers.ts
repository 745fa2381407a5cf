import { newId, tenantWrite } from "@vanguard/db";
import {
  type AwardRow,
  currentPeople,
  finalizedGrade,
  getModelPost,
  insertAward,
  insertModelPost,
  listDistrictAwards as listAwardsOfDistrict,
  listAwards as listBranchAwards,
  listModelPosts as listBranchModelPosts,
  listDistrictModelPosts as listModelPostsOfDistrict,
  type ModelPostRow,
  namesOf,
  updateModelPost,
} from "@vanguard/db/evaluations";
import {
  type AppraisalGrade,
  checkAward,
  checkModelPost,
  checkModelPostAward,
  MANAGE_BRANCH,
  READ_BRANCH,
  READ_DISTRICT,
  todayIn,
  UPPER_COMMITTEE,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  forbidden,
  moduleBranch,
  moduleDistrict,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type {
  AwardRoute,
  GrantAwardRoute,
  ListAwardsRoute,
  ListDistrictAwardsRoute,
  ListDistrictModelPostsRoute,
  ListModelPostsRoute,
  NominateRoute,
} from "./honours.routes";

type Named<T> = T & { memberName: string | null };

function modelPostView(m: Named<ModelPostRow>) {
  return {
    id: m.id,
    branchId: m.branchId,
    memberId: m.memberId,
    memberName: m.memberName,
    year: m.year,
    title: m.title,
    commitment: m.commitment,
    status: m.status,
    awardedOn: m.awardedOn,
    version: m.version,
  };
}

function awardView(a: Named<AwardRow>) {
  return {
    id: a.id,
    branchId: a.branchId,
    memberId: a.memberId,
    memberName: a.memberName,
    year: a.year,
    title: a.title,
    level: a.level,
    citation: a.citation,
    awardedOn: a.awardedOn,
  };
}

export const nominate: AppRouteHandler<NominateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const taken = {
    zh: `该党员 ${body.year} 年度已有示范岗`,
    en: `This member already holds a model post for ${body.year}`,
  };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const person = (await currentPeople(tc, [body.memberId])).get(body.memberId);
    const failures = checkModelPost({ memberStatus: person?.status ?? null, year: body.year, today });
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("modelPost"),
      memberId: body.memberId,
      year: body.year,
      title: body.title,
      commitment: body.commitment,
      status: "nominated" as const,
      nominatedAt: new Date().toISOString(),
      nominatedBy: c.get("principal").id,
      awardedOn: null,
      awardedBy: null,
      version: 1,
    };
    const view = modelPostView({
      ...row,
      districtId: tc.districtId,
      branchId,
      memberName: person?.name ?? null,
    });
    return {
      statements: [insertModelPost(tc, row)],
      events: [
        event({
          action: "model_post.nominated",
          subjectType: "member",
          subjectId: body.memberId,
          after: view,
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const award: AppRouteHandler<AwardRoute> = async (c) => {
  const { branchId, modelPostId } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const tc = moduleBranch(c, branchId, UPPER_COMMITTEE);
  const awardedOn = body.awardedOn ?? todayIn(tc.timeZone);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const m = await getModelPost(tc, modelPostId);
    if (!m) throw notFound();
    const failures = checkModelPostAward(m.status);
    if (failures.length) throw ruleViolation(failures);
    if (body.version !== undefined && body.version !== m.version) throw new ProblemError("version_conflict");
    const patch = { status: "awarded" as const, awardedOn, awardedBy: c.get("principal").id };
    const name = (await namesOf(tc, [m.memberId])).get(m.memberId) ?? null;
    const view = modelPostView({ ...m, ...patch, version: m.version + 1, memberName: name });
    return {
      statements: updateModelPost(tc, modelPostId, m.version, patch),
      events: [
        event({ action: "model_post.awarded", subjectType: "member", subjectId: m.memberId, after: view }),
      ],
      result: view,
    };
  });
  return c.json(result, 200);
};

export const listModelPosts: AppRouteHandler<ListModelPostsRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, year } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listBranchModelPosts(tc, { limit: limit + 1, after: decodeCursor(cursor), year });
  return c.json(
    page(rows, limit, (m) => m.id, modelPostView),
    200,
  );
};

export const listDistrictModelPosts: AppRouteHandler<ListDistrictModelPostsRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor, year, status } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listModelPostsOfDistrict(dc, {
    limit: limit + 1,
    after: decodeCursor(cursor),
    year,
    status,
  });
  return c.json(
    page(rows, limit, (m) => m.id, modelPostView),
    200,
  );
};

export const grantAward: AppRouteHandler<GrantAwardRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  // a district-level honour is the upper committee's to give
  if (body.level === "district" && !UPPER_COMMITTEE.includes(c.get("principal").role)) {
    throw forbidden({ zh: "区级表彰由上级党委授予", en: "District-level awards are given by the district" });
  }
  const today = todayIn(tc.timeZone);
  const taken = {
    zh: `该党员 ${body.year} 年度已获得“${body.title}”`,
    en: `This member already holds "${body.title}" for ${body.year}`,
  };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const person = (await currentPeople(tc, [body.memberId])).get(body.memberId);
    const grade = (await finalizedGrade(tc, body.memberId, body.year)) as AppraisalGrade | null;
    const failures = checkAward({
      memberStatus: person?.status ?? null,
      year: body.year,
      today,
      appraisalGrade: grade,
    });
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("award"),
      memberId: body.memberId,
      year: body.year,
      title: body.title,
      level: body.level,
      citation: body.citation,
      awardedOn: body.awardedOn ?? today,
      awardedBy: c.get("principal").id,
      createdAt: new Date().toISOString(),
    };
    const view = awardView({ ...row, districtId: tc.districtId, branchId, memberName: person?.name ?? null });
    return {
      statements: [insertAward(tc, row)],
      events: [
        event({ action: "award.granted", subjectType: "member", subjectId: body.memberId, after: view }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const listAwards: AppRouteHandler<ListAwardsRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, year } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listBranchAwards(tc, { limit: limit + 1, after: decodeCursor(cursor), year });
  return c.json(
    page(rows, limit, (a) => a.id, awardView),
    200,
  );
};

export const listDistrictAwards: AppRouteHandler<ListDistrictAwardsRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor, year } = c.req.valid("query");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const rows = await listAwardsOfDistrict(dc, { limit: limit + 1, after: decodeCursor(cursor), year });
  return c.json(
    page(rows, limit, (a) => a.id, awardView),
    200,
  );
};
