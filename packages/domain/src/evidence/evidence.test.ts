import { describe, expect, it } from "vitest";
import { resolvePipelineRules } from "../pipeline/rules";
import { ooxmlType, sniffType } from "./file-type";
import {
  caseEvidence,
  DEFAULT_STEP_EVIDENCE,
  missingEvidence,
  SUGGESTED_STEP_EVIDENCE,
  stepEvidenceVerdict,
} from "./required";
import { checkQuota, resolveEvidenceRules } from "./rules";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("evidence file types", () => {
  it("knows the allowed types by their bytes", () => {
    expect(sniffType(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
    expect(sniffType(bytes("PK", [3, 4, 0, 0]))).toBe("zip");
  });

  it("refuses what only claims to be one", () => {
    expect(sniffType(bytes("MZ", [0x90, 0, 3]))).toBeNull(); // a Windows executable renamed .pdf
    expect(sniffType(bytes([0x7f], "ELF"))).toBeNull();
    expect(sniffType(bytes("<html>%PDF-"))).toBeNull();
    expect(sniffType(bytes("RIFF", [1, 2, 3, 4], "WAVE"))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it("tells a document from a workbook by the zip's content types", () => {
    const types = (main: string) =>
      `<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/x" ContentType="${main}"/></Types>`;
    expect(
      ooxmlType(types("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
    ).toBe("docx");
    expect(
      ooxmlType(types("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
    ).toBe("xlsx");
    expect(
      ooxmlType(types("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")),
    ).toBeNull();
  });
});

describe("required evidence", () => {
  it("requires nothing until a district names documents, then names each missing one as a warning", () => {
    expect(stepEvidenceVerdict("application", [], DEFAULT_STEP_EVIDENCE)).toEqual([]);
    expect(missingEvidence("application", [], SUGGESTED_STEP_EVIDENCE)).toEqual(["application_letter"]);
    expect(missingEvidence("application", ["application_letter", "photo"], SUGGESTED_STEP_EVIDENCE)).toEqual(
      [],
    );
    expect(missingEvidence("oath", [], SUGGESTED_STEP_EVIDENCE)).toEqual([]);
    const [w] = stepEvidenceVerdict("pre_review", ["photo"], SUGGESTED_STEP_EVIDENCE);
    expect(w).toMatchObject({ rule: "step_evidence_missing", severity: "warning" });
    expect(w!.facts).toEqual({ step: "pre_review", missing: ["publicity_notice"] });
    expect(w!.message.zh).toContain("公示材料");
  });

  it("blocks where the district refuses, and lets a district replace the defaults step by step", () => {
    const rules = resolvePipelineRules({
      evidence: { enforcement: "refuse", required: { oath: ["photo", "sign_in_sheet"] } },
    });
    expect(rules.evidence.enforcement).toBe("refuse");
    expect(rules.evidence.required).toEqual({ oath: ["photo", "sign_in_sheet"] });
    const [b] = stepEvidenceVerdict("oath", ["photo"], rules.evidence);
    expect(b).toMatchObject({ severity: "block", facts: { missing: ["sign_in_sheet"] } });
    expect(stepEvidenceVerdict("application", [], rules.evidence)).toEqual([]);
    // a rule set stored before evidence existed reads the defaults
    expect(resolvePipelineRules({ minAge: 18 }).evidence).toEqual(DEFAULT_STEP_EVIDENCE);
  });
});

describe("a case's evidence", () => {
  it("lists each step that requires documents with what is still missing, once per step", () => {
    const attached: Record<string, string[]> = { application: ["application_letter"], pre_review: ["photo"] };
    const out = caseEvidence(
      ["application", "application_talk", "pre_review", "application", "application_form"],
      (s) => attached[s] ?? [],
      SUGGESTED_STEP_EVIDENCE,
    );
    expect(out).toEqual([
      { step: "application", required: ["application_letter"], missing: [] },
      { step: "pre_review", required: ["publicity_notice"], missing: ["publicity_notice"] },
      { step: "application_form", required: ["membership_form"], missing: ["membership_form"] },
    ]);
    expect(caseEvidence(["application", "pre_review"], () => [], DEFAULT_STEP_EVIDENCE)).toEqual([]);
  });
});

describe("the branch quota", () => {
  it("refuses a file that does not fit, and reads the district's number over the default", () => {
    const rules = resolveEvidenceRules({ branchQuotaMb: 2 });
    expect(checkQuota(1024 * 1024, 1024 * 1024, rules)).toEqual([]);
    const [f] = checkQuota(1024 * 1024, 1024 * 1024 + 1, rules);
    expect(f).toMatchObject({ rule: "evidence_quota_exceeded", severity: "block" });
    expect(resolveEvidenceRules({ branchQuotaMb: -1 }).branchQuotaMb).toBe(1024);
    expect(resolveEvidenceRules(undefined).branchQuotaMb).toBe(1024);
  });
});
