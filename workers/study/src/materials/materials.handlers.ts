import { type DistrictContext, districtWrite, newId, type TenantContext } from "@vanguard/db";
import {
  getMaterial,
  insertMaterial,
  listMaterials,
  memberLibraryState,
  type NewStudyMaterial,
  retireMaterialStatements,
  type StudyMaterialListRow,
} from "@vanguard/db/study";
import {
  articleReadSeconds,
  buildQuiz,
  checkQuiz,
  checkQuizKind,
  MANAGE_DISTRICT,
  materialStatus,
  READ_DISTRICT,
  READ_OWN,
  readableChars,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  internalContext,
  invalid,
  moduleBranch,
  moduleDistrict,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { latestRules } from "../rules/rule-sets";
import type {
  CreateRoute,
  GetForBranchRoute,
  GetForDistrictRoute,
  ListForBranchRoute,
  ListForDistrictRoute,
  RetireRoute,
} from "./materials.routes";
import { districtMaterialView, libraryMaterialView, type MemberState } from "./materials.view";

export const NOT_PUBLISHED = {
  zh: "该学习资料不存在、尚未发布或已下架",
  en: "No such material, or it is not (or no longer) published",
};

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lists page by (publish date, id), newest first. */
const cursorOf = (r: StudyMaterialListRow) => `${r.publishOn}|${r.id}`;
function before(cursor: string | undefined) {
  const raw = decodeCursor(cursor);
  if (raw === undefined) return undefined;
  const [publishOn, id] = raw.split("|");
  if (!publishOn || !id) throw invalid("cursor", { zh: "游标无效", en: "The cursor is not valid" });
  return { publishOn, id };
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const input = c.req.valid("json");
  const dc = moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const { rules } = await latestRules(c.get("plane"), districtId);
  const now = new Date();
  const today = todayIn(dc.timeZone, now);
  const base: NewStudyMaterial = {
    id: newId("studyMaterial"),
    kind: input.kind,
    title: input.title,
    summary: input.summary ?? null,
    tags: JSON.stringify([...new Set(input.tags)]),
    publishOn: input.publishOn ?? today,
    body: null,
    chars: null,
    url: null,
    durationSec: null,
    minSec: null,
    minSecSet: null,
    quiz: null,
    quizKind: null,
    questions: null,
    createdAt: now.toISOString(),
    createdBy: c.get("principal").id,
  };
  let row: NewStudyMaterial;
  if (input.kind === "article") {
    row = {
      ...base,
      body: input.body,
      chars: readableChars(input.body),
      minSec: input.minReadSec ?? articleReadSeconds(input.body, rules.library),
      minSecSet: input.minReadSec !== undefined,
    };
  } else if (input.kind === "video") {
    row = { ...base, url: input.url, durationSec: input.durationSec, minSec: input.durationSec };
  } else {
    const failures = [...checkQuiz(input.questions), ...checkQuizKind(input.quizKind, rules)];
    if (failures.length) throw ruleViolation(failures);
    const quiz = buildQuiz(input.questions);
    row = { ...base, quiz: JSON.stringify(quiz), quizKind: input.quizKind, questions: quiz.length };
  }
  const stored = { ...row, districtId, retiredAt: null, retiredBy: null, retireReason: null };
  const view = districtMaterialView(stored, today);
  // the log keeps a digest of a quiz's answers, never the answers: the chain still proves them unchanged
  const { questions: _q, body: _b, ...logged } = view;
  const after = { ...logged, answersSha256: row.quiz ? await sha256(row.quiz) : null };
  const result = await districtWrite(dc, await writeRequest(c, 201), async ({ event }) => ({
    statements: [insertMaterial(dc, row)],
    events: [
      event({ action: "study.material_published", subjectType: "study_material", subjectId: row.id, after }),
    ],
    result: view,
  }));
  return c.json(result, 201);
};

export const retire: AppRouteHandler<RetireRoute> = async (c) => {
  const { districtId, materialId } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const dc = moduleDistrict(c, districtId, MANAGE_DISTRICT);
  const result = await districtWrite(dc, await writeRequest(c), async ({ event }) => {
    const current = await getMaterial(dc, materialId);
    if (!current) throw notFound();
    if (current.retiredAt !== null) {
      throw new ProblemError("conflict", {
        zh: `该学习资料已于 ${current.retiredAt} 下架`,
        en: `The material was already retired at ${current.retiredAt}`,
      });
    }
    const now = new Date();
    const retired = {
      ...current,
      retiredAt: now.toISOString(),
      retiredBy: c.get("principal").id,
      retireReason: reason,
    };
    return {
      statements: retireMaterialStatements(dc, materialId, {
        retiredAt: retired.retiredAt,
        retiredBy: retired.retiredBy,
        reason,
      }),
      events: [
        event({
          action: "study.material_retired",
          subjectType: "study_material",
          subjectId: materialId,
          after: { retiredAt: retired.retiredAt, reason },
        }),
      ],
      result: districtMaterialView(retired, todayIn(dc.timeZone, now)),
    };
  });
  return c.json(result, 200);
};

export const listForDistrict: AppRouteHandler<ListForDistrictRoute> = async (c) => {
  const { districtId } = c.req.valid("param");
  const q = c.req.valid("query");
  const dc: DistrictContext = moduleDistrict(c, districtId, READ_DISTRICT);
  const today = todayIn(dc.timeZone);
  const rows = await listMaterials(dc, { ...q, today, limit: q.limit + 1, before: before(q.cursor) });
  return c.json(
    page(rows, q.limit, cursorOf, (r) => districtMaterialView(r, today)),
    200,
  );
};

export const getForDistrict: AppRouteHandler<GetForDistrictRoute> = async (c) => {
  const { districtId, materialId } = c.req.valid("param");
  const dc = moduleDistrict(c, districtId, READ_DISTRICT);
  const row = await getMaterial(dc, materialId);
  if (!row) throw notFound();
  // answers are the publisher's: an auditor reads the material without them
  const view = districtMaterialView(row, todayIn(dc.timeZone));
  const author = c.get("principal").role !== "auditor";
  return c.json(
    author ? view : { ...view, questions: view.questions?.map((q) => ({ ...q, correct: [] })) ?? null },
    200,
  );
};

/** A member's own progress on some materials; null for anyone who is not a member. */
async function memberStates(
  tc: TenantContext,
  memberId: string | null,
  rows: StudyMaterialListRow[],
  today: string,
  now: Date,
): Promise<(id: string) => MemberState | null> {
  if (memberId === null) return () => null;
  const state = await memberLibraryState(tc, {
    memberId,
    materialIds: rows.map((r) => r.id),
    day: today,
    now: now.toISOString(),
  });
  return (id) => {
    const answered = state.answered.find((a) => a.materialId === id);
    return {
      openTicket: state.open.find((t) => t.materialId === id) ?? null,
      studiedToday: state.creditedToday.has(id),
      answered: answered
        ? {
            correct: answered.correct,
            total: answered.total,
            awarded: answered.awarded,
            submittedAt: answered.submittedAt,
          }
        : null,
    };
  };
}

const memberOf = (principal: { role: string; memberId: string | null }) =>
  principal.role === "member" ? principal.memberId : null;

export const listForBranch: AppRouteHandler<ListForBranchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const now = new Date();
  const today = todayIn(tc.timeZone, now);
  const rows = await listMaterials(tc, {
    ...q,
    status: "published",
    today,
    limit: q.limit + 1,
    before: before(q.cursor),
  });
  const listed = page(rows, q.limit, cursorOf);
  const mine = await memberStates(tc, memberOf(internalContext(c).principal), listed.items, today, now);
  return c.json(
    { ...listed, items: listed.items.map((r) => libraryMaterialView(r, today, now, mine(r.id))) },
    200,
  );
};

export const getForBranch: AppRouteHandler<GetForBranchRoute> = async (c) => {
  const { branchId, materialId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const now = new Date();
  const today = todayIn(tc.timeZone, now);
  const row = await getMaterial(tc, materialId);
  if (!row || materialStatus(row, today) !== "published") throw notFound(NOT_PUBLISHED);
  const mine = await memberStates(tc, memberOf(internalContext(c).principal), [row], today, now);
  return c.json(libraryMaterialView(row, today, now, mine(row.id)), 200);
};
