import { existingIdNumberHashes, insertMembers, type MemberRow, newId, tenantWrite } from "@vanguard/db";
import { checkMemberFacts, type Message, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  conflictAs,
  invalid,
  issuePath,
  localizeIssue,
  readUploadTable,
  sealPersonal,
  type UploadTable,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { MANAGE_BRANCH } from "../shared/roles";
import { mapHeader, rowValues } from "./csv-rows";
import type { ImportRoute } from "./members.routes";
import { MemberInput } from "./members.schemas";
import { memberView } from "./members.view";

export const MAX_IMPORT_ROWS = 10_000;

interface Rejection {
  line: number;
  errors: { path?: string; rule?: string; message: Message }[];
}

const DUPLICATE_IN_BRANCH: Message = {
  zh: "本支部已有相同身份证号的人员",
  en: "Already on the branch roll with this identity number",
};
const DUPLICATE_IN_FILE: Message = {
  zh: "文件中身份证号重复",
  en: "The identity number repeats an earlier row",
};

/** The roll as uploaded: CSV (UTF-8 or GB18030) or xlsx, read by the one upload reader. */
function readCsv(c: Parameters<AppRouteHandler<ImportRoute, ApiBindings>>[0]): Promise<UploadTable> {
  return readUploadTable(c.req);
}

/**
 * Every row is checked like a single create; the valid ones are sealed and written in one batch
 * (one transaction, `json_each` chunks under D1's parameter limit), the rest are reported by line.
 */
export const importCsv: AppRouteHandler<ImportRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const parsed = await readCsv(c);
  const header = mapHeader(parsed.header);
  if (!header.ok) {
    throw invalid("header", {
      zh: `表头缺少：${header.missing.join("、") || "无"}；无法识别：${header.unknown.join("、") || "无"}`,
      en: `Header missing: ${header.missing.join(", ") || "none"}; unknown: ${header.unknown.join(", ") || "none"}`,
    });
  }
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw invalid("body", {
      zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件 ${parsed.rows.length} 行`,
      en: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${parsed.rows.length}`,
    });
  }

  const today = todayIn(tc.timeZone);
  const rejected: Rejection[] = [];
  const accepted: { line: number; row: MemberRow }[] = [];
  const now = new Date().toISOString();
  const seenInFile = new Set<string>();
  for (const { line, cells } of parsed.rows) {
    const result = MemberInput.safeParse(rowValues(header.fields, cells));
    if (!result.success) {
      rejected.push({
        line,
        errors: result.error.issues.map((i) => ({ path: issuePath(i), message: localizeIssue(i) })),
      });
      continue;
    }
    const m = result.data;
    const failures = checkMemberFacts(m, today);
    if (failures.length) {
      rejected.push({ line, errors: failures.map((f) => ({ rule: f.rule, message: f.message })) });
      continue;
    }
    const sealed = await sealPersonal(c.env.MEMBER_DATA_KEY, {
      idNumber: m.idNumber ?? null,
      phone: m.phone ?? null,
    });
    if (sealed.idNumberHash) {
      if (seenInFile.has(sealed.idNumberHash)) {
        rejected.push({
          line,
          errors: [{ path: "idNumber", rule: "unique_id_number", message: DUPLICATE_IN_FILE }],
        });
        continue;
      }
      seenInFile.add(sealed.idNumberHash);
    }
    accepted.push({
      line,
      row: {
        id: newId("member"),
        districtId: tc.districtId,
        branchId: tc.branchId,
        name: m.name,
        gender: m.gender,
        birthDate: m.birthDate,
        status: m.status,
        joinedOn: m.joinedOn ?? null,
        joinedBranchOn: m.joinedBranchOn ?? today,
        idNumberEnc: sealed.idNumberEnc ?? null,
        idNumberHash: sealed.idNumberHash ?? null,
        idNumberMasked: sealed.idNumberMasked ?? null,
        phoneEnc: sealed.phoneEnc ?? null,
        phoneMasked: sealed.phoneMasked ?? null,
        education: m.education ?? null,
        leftOn: null,
        leftReason: null,
        transferId: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
    });
  }

  const lang = c.get("lang");
  const say = (m: Message) => (lang === "en" ? m.en : m.zh);
  const outcome = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const hashes = accepted.map((a) => a.row.idNumberHash).filter((h): h is string => !!h);
    const existing = await existingIdNumberHashes(tc, hashes);
    const fresh = accepted.filter((a) => !a.row.idNumberHash || !existing.has(a.row.idNumberHash));
    const dupes: Rejection[] = accepted
      .filter((a) => a.row.idNumberHash && existing.has(a.row.idNumberHash))
      .map((a) => ({
        line: a.line,
        errors: [{ path: "idNumber", rule: "unique_id_number", message: DUPLICATE_IN_BRANCH }],
      }));
    const all = [...rejected, ...dupes].sort((a, b) => a.line - b.line);
    return {
      statements: insertMembers(
        tc,
        fresh.map((a) => a.row),
      ),
      events: fresh.map((a) =>
        event({
          action: "member.imported",
          subjectType: "member",
          subjectId: a.row.id,
          after: memberView(a.row),
        }),
      ),
      result: {
        created: fresh.length,
        rejected: all.map((r) => ({
          line: r.line,
          errors: r.errors.map((e) => ({ ...e, message: say(e.message) })),
        })),
      },
    };
  }).catch(conflictAs(DUPLICATE_IN_BRANCH));
  return c.json(outcome, 200);
};
