import {
  contentId,
  currentRules,
  type DataPlane,
  insertMembers,
  type MemberRow,
  newMemberRow,
  rollForHistory,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import {
  type CaseRow,
  changeMemberStatus,
  insertCase,
  insertSteps,
  listOpenCases,
  type NewStep,
} from "@vanguard/db/onboarding";
import {
  checkMemberFacts,
  findOnRoll,
  foldHistory,
  type HistoryStep,
  IMPORTABLE_STEPS,
  indexRoll,
  MANAGE_BRANCH,
  MANAGE_DISTRICT,
  PIPELINE_RULES_KIND,
  parseDay,
  type RuleFailure,
  type StepCode,
  stepDefinition,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  checkLineLimit,
  type ImportIssue,
  internalContext,
  invalid,
  type Keyring,
  localizeRejections,
  mapColumns,
  moduleBranch,
  onAnotherRoll,
  PERSON_COLUMNS,
  type PersonalDataEnv,
  personalDataKeys,
  personRefOf,
  readUploadTable,
  reserveOnRoll,
  rowFields,
  sealPersonal,
  type UploadTable,
  writeRequest,
} from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import type { ImportRoute } from "./cases.routes";
import { personEvent } from "./person";

/** Extra spellings of the step columns clerks' ledgers (发展党员台账) use, beside the code and label. */
const STEP_ALIASES: Partial<Record<StepCode, string[]>> = {
  application: ["申请日期", "申请入党日期", "申请入党时间", "递交申请书日期"],
  application_talk: ["谈话日期"],
  activist_designation: ["确定积极分子日期", "积极分子日期", "确定为入党积极分子日期"],
  activist_filing: ["积极分子备案日期"],
  contacts_assigned: ["培养联系人日期"],
  cultivation_review: ["考察日期", "培养考察日期"],
  candidate_designation: ["确定发展对象日期", "发展对象日期"],
  candidate_filing: ["发展对象备案日期"],
  introducers_assigned: ["介绍人日期"],
  political_review: ["政审日期"],
  intensive_training: ["集中培训日期", "培训日期"],
  committee_review: ["支委会审查日期"],
  pre_review: ["预审日期"],
  application_form: ["志愿书日期", "填写志愿书日期"],
  admission_vote: ["支部大会日期", "接收预备党员日期"],
  upper_talk: ["上级谈话日期"],
  admission_approval: ["入党审批日期", "审批日期"],
};

function stepColumns(): Record<StepCode, string[]> {
  const out = {} as Record<StepCode, string[]>;
  for (const code of IMPORTABLE_STEPS) {
    const zh = stepDefinition(code).label.zh;
    out[code] = [code, zh, `${zh}日期`, `${zh}时间`, ...(STEP_ALIASES[code] ?? [])];
  }
  return out;
}

const COLUMNS = {
  ...PERSON_COLUMNS,
  gender: ["gender", "性别"],
  documents: ["documents", "材料", "文书", "材料编号"],
  ...stepColumns(),
};

const GENDERS: Record<string, "male" | "female"> = {
  男: "male",
  女: "female",
  male: "male",
  female: "female",
};

interface PlannedCase {
  line: number;
  member: MemberRow | null;
  existing: { id: string; version: number; status: string; joinedOn: string | null } | null;
  row: CaseRow;
  steps: NewStep[];
  change: ReturnType<typeof foldHistory> & { ok: true };
}

interface Planned {
  cases: PlannedCase[];
  unchanged: number;
  rejected: { line: number; errors: ImportIssue[] }[];
}

const issues = (fs: RuleFailure[]): ImportIssue[] => fs.map((f) => ({ rule: f.rule, message: f.message }));

/** `入党申请书=SQ-2025-01；思想汇报=SX-03` → [{ title, ref }]. */
function documentsOf(text: string | undefined): { title: string; ref?: string }[] {
  if (!text) return [];
  return text
    .split(/[;；\n]/)
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const [title, ref] = d.split(/[=:：]/, 2).map((x) => x.trim());
      return ref ? { title: title!.slice(0, 100), ref: ref.slice(0, 100) } : { title: d.slice(0, 100) };
    });
}

async function plan(
  tc: TenantContext,
  table: UploadTable,
  env: {
    plane: DataPlane;
    personal: PersonalDataEnv;
    keys: Keyring;
    actor: { principalId: string; role: string };
    upper: boolean;
    /** new people the register of persons found on another branch's roll */
    elsewhere?: Map<string, RuleFailure>;
  },
): Promise<Planned> {
  const cols = mapColumns(table.header, COLUMNS, ["application"]);
  if (!cols.ok) throw invalid("header", cols.message);
  const today = todayIn(tc.timeZone);
  const now = new Date().toISOString();
  const [roll, open, ruleSet] = await Promise.all([
    rollForHistory(tc),
    listOpenCases(tc),
    currentRules(env.plane, tc.districtId, PIPELINE_RULES_KIND),
  ]);
  const index = indexRoll(roll);
  const openOf = new Map(open.map((c) => [c.memberId, c.id]));
  const out: Planned = { cases: [], unchanged: 0, rejected: [] };
  const seen = new Map<string, number>();
  for (const line of table.rows) {
    const f = rowFields(cols.index, line) as Record<string, string | undefined>;
    const errors: ImportIssue[] = [];
    const steps: HistoryStep[] = [];
    for (const code of IMPORTABLE_STEPS) {
      const cell = f[code];
      if (!cell) continue;
      // a reviewed activist has several reviews: dates may be listed in one cell
      for (const part of code === "cultivation_review" || code === "intensive_training"
        ? cell.split(/[;；、\s]+/)
        : [cell]) {
        const day = parseDay(part);
        if (day) steps.push({ step: code, occurredOn: day });
        else
          errors.push({
            path: code,
            message: { zh: `日期无法识别：${part}`, en: `Unreadable date: ${part}` },
          });
      }
    }
    if (!env.upper) {
      const upper = steps.filter((s) => stepDefinition(s.step).recordedBy === "upper");
      if (upper.length) {
        errors.push({
          rule: "upper_committee_step",
          message: {
            zh: `含上级党委记录的步骤（${[...new Set(upper.map((s) => stepDefinition(s.step).label.zh))].join("、")}），须由区委组织部账号导入`,
            en: `Steps recorded by the upper committee (${[...new Set(upper.map((s) => s.step))].join(", ")}) are imported with a district admin key`,
          },
        });
      }
    }
    const who = await personRefOf(env.keys, f);
    if ("failure" in who) {
      out.rejected.push({ line: line.line, errors: [...errors, ...issues([who.failure])] });
      continue;
    }
    const found = findOnRoll(index, who.ref);
    let existing: PlannedCase["existing"] = null;
    let birthDate: string;
    let person: MemberRow | null = null;
    let personKey: string;
    if ("person" in found) {
      existing = found.person;
      birthDate = found.person.birthDate;
      personKey = found.person.id;
    } else if (
      found.failure.rule === "person_not_on_roll" &&
      who.ref.name &&
      who.ref.birthDate &&
      f.gender &&
      GENDERS[f.gender]
    ) {
      // someone new to the roll comes with their case, under an id their line derives
      birthDate = who.ref.birthDate;
      const id = await contentId(
        "member",
        tc.branchId,
        who.ref.name,
        who.ref.birthDate,
        who.ref.idNumberHash ?? "",
      );
      personKey = id;
      person = newMemberRow(
        tc,
        id,
        {
          name: who.ref.name,
          gender: GENDERS[f.gender]!,
          birthDate,
          status: "applicant",
          joinedBranchOn: today,
        },
        f.idNumber ? await sealPersonal(env.personal, { idNumber: f.idNumber }) : {},
        now,
      );
    } else {
      const why =
        found.failure.rule === "person_not_on_roll"
          ? [
              ...issues([found.failure]),
              {
                path: "gender",
                message: {
                  zh: "不在名册中的人须给出姓名、性别和出生日期，以便列入名册",
                  en: "Someone not on the roll needs a name, gender and birth date to be added to it",
                },
              },
            ]
          : issues([found.failure]);
      out.rejected.push({ line: line.line, errors: [...errors, ...why] });
      continue;
    }
    const earlier = seen.get(personKey);
    if (earlier) {
      out.rejected.push({
        line: line.line,
        errors: [
          {
            rule: "duplicate_line",
            message: { zh: `与第 ${earlier} 行是同一人`, en: `The same person as line ${earlier}` },
          },
        ],
      });
      continue;
    }
    seen.set(personKey, line.line);
    const application = steps.find((s) => s.step === "application")?.occurredOn ?? "";
    const caseId = await contentId("developmentCase", tc.branchId, personKey, application);
    const openCase = openOf.get(personKey);
    if (openCase === caseId) {
      out.unchanged++;
      continue;
    }
    if (openCase) {
      errors.push({
        rule: "case_already_open",
        message: { zh: "此人已有进行中的发展案卷", en: "This person already has an open development case" },
      });
    }
    if (errors.length) {
      out.rejected.push({ line: line.line, errors });
      continue;
    }
    const folded = foldHistory(
      birthDate,
      steps,
      today,
      ruleSet.rules,
      existing
        ? { status: existing.status as "applicant", joinedOn: existing.joinedOn }
        : { status: "applicant", joinedOn: null },
    );
    if (!folded.ok) {
      out.rejected.push({ line: line.line, errors: issues(folded.failures) });
      continue;
    }
    const held = person ? env.elsewhere?.get(person.id) : undefined;
    if (held) {
      out.rejected.push({
        line: line.line,
        errors: [{ path: "idNumber", rule: held.rule, message: held.message }],
      });
      continue;
    }
    if (person) {
      person = {
        ...person,
        status: folded.member?.status ?? "applicant",
        joinedOn: folded.member?.joinedOn ?? null,
      };
      const facts = checkMemberFacts(person, today);
      if (facts.length) {
        out.rejected.push({ line: line.line, errors: issues(facts) });
        continue;
      }
    }
    const memberId = existing?.id ?? person!.id;
    const s = folded.state;
    const last = s.steps.at(-1)!;
    const docs = documentsOf(f.documents);
    const stepRows: NewStep[] = await Promise.all(
      s.steps.map(async (r, i) => ({
        id: await contentId("developmentStep", caseId, String(i + 1)),
        caseId,
        memberId,
        seq: i + 1,
        step: r.step,
        cycle: r.cycle,
        occurredOn: r.occurredOn,
        data: "{}",
        // the file's references travel with the case's first record
        documents: JSON.stringify(i === 0 ? docs : []),
        note: null,
        warnings: "[]",
        ruleSetVersion: ruleSet.version,
        recordedAt: now,
        recordedBy: env.actor.principalId,
        recordedRole: env.actor.role,
        importedFrom: table.sha256,
      })),
    );
    out.cases.push({
      line: line.line,
      member: person,
      existing,
      change: folded,
      steps: stepRows,
      row: {
        branchId: tc.branchId,
        id: caseId,
        districtId: tc.districtId,
        memberId,
        stage: s.stage,
        appliedOn: s.appliedOn ?? application,
        cycle: s.cycle,
        probationEndsOn: s.probationEndsOn,
        extensionsApproved: s.extensionsApproved,
        fullOn: s.fullOn,
        closedOn: s.closedOn,
        closedReason: null,
        lastStep: last.step,
        lastStepOn: last.occurredOn,
        stepCount: s.steps.length,
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
    });
  }
  return out;
}

/**
 * POST …/development/cases/import: people already part way through the 25 steps when the branch
 * came to the platform, one per line with the dates of the steps taken. Their steps are recorded as
 * imported history (marked on the timeline) and the cases go on from there under the gates. A case
 * already imported is reported unchanged; `?dryRun=true` previews.
 */
export const importHistory: AppRouteHandler<ImportRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { dryRun } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const table = await readUploadTable(c.req);
  checkLineLimit(table);
  const principal = internalContext(c).principal;
  const env = {
    plane: c.get("plane"),
    personal: c.env,
    keys: await personalDataKeys(c.env),
    actor: { principalId: principal.id, role: principal.role },
    upper: MANAGE_DISTRICT.includes(principal.role),
  };
  const report = (p: Planned, dry: boolean) => ({
    dryRun: dry,
    sha256: table.sha256,
    format: table.format,
    encoding: table.encoding,
    lines: table.rows.length,
    created: p.cases.length,
    unchanged: p.unchanged,
    rejected: localizeRejections(p.rejected, c.get("lang")),
    cases: p.cases.map((k) => ({
      line: k.line,
      caseId: k.row.id,
      memberId: k.row.memberId,
      stage: k.row.stage,
    })),
  });
  const first = await plan(tc, table, env);
  if (dryRun === "true") return c.json(report(first, true), 200);
  // someone new to this roll must not be a current member elsewhere (one person, one membership)
  const people = first.cases.flatMap((k) => (k.member ? [k.member] : []));
  const { verdicts, release } = await reserveOnRoll(c, tc, people);
  const elsewhere = new Map<string, RuleFailure>();
  for (const m of people) {
    const v = verdicts.get(m.id);
    if (v?.kind === "held_elsewhere") elsewhere.set(m.id, await onAnotherRoll(c, v.place));
  }
  const written = new Set<string>();
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const p = await plan(tc, table, { ...env, elsewhere });
    const now = new Date().toISOString();
    const newPeople = p.cases.flatMap((k) => (k.member ? [k.member] : []));
    written.clear();
    for (const m of newPeople) written.add(m.id);
    return {
      statements: [
        ...insertMembers(tc, newPeople),
        ...p.cases.map((k) => insertCase(tc, k.row)),
        ...insertSteps(
          tc,
          p.cases.flatMap((k) => k.steps),
        ),
        ...p.cases.flatMap((k) =>
          k.existing && k.change.member
            ? changeMemberStatus(tc, k.existing.id, k.existing.version, k.change.member, now)
            : [],
        ),
      ],
      events: p.cases.flatMap((k) => [
        ...(k.member ? [event(personEvent(k.member))] : []),
        event({
          action: "development.case_imported",
          subjectType: "development_case",
          subjectId: k.row.id,
          after: {
            memberId: k.row.memberId,
            stage: k.row.stage,
            steps: k.steps.map((s) => ({ step: s.step, occurredOn: s.occurredOn })),
            documents: JSON.parse(k.steps[0]?.documents ?? "[]"),
            import: { sha256: table.sha256, line: k.line },
          },
        }),
        ...(k.existing && k.change.member
          ? [
              event({
                action: "member.status_changed",
                subjectType: "member",
                subjectId: k.existing.id,
                before: { status: k.existing.status, joinedOn: k.existing.joinedOn },
                after: { ...k.change.member, via: { caseId: k.row.id, imported: table.sha256 } },
              }),
            ]
          : []),
      ]),
      result: report(p, false),
    };
  }).catch(async (err: unknown) => {
    await release(people.map((m) => m.id));
    throw err;
  });
  await release(people.filter((m) => !written.has(m.id)).map((m) => m.id));
  return c.json(result, 200);
};
