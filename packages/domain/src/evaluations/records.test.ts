import { describe, expect, it } from "vitest";
import { checkRecord, RECORD_KINDS } from "./records";

const base = {
  occurredOn: "2026-11-20",
  today: "2026-11-27",
  memberId: "mb_a",
  correctsId: null,
  target: null,
};

describe("写实 records", () => {
  it("are dated today or earlier", () => {
    expect(checkRecord(base)).toEqual([]);
    expect(checkRecord({ ...base, occurredOn: "2026-11-28" })[0]!.rule).toBe("record_in_future");
  });

  it("are corrected by a new record that points at the latest one about the same subject", () => {
    const target = { id: "rec_1", memberId: "mb_a", correctedById: null };
    expect(checkRecord({ ...base, correctsId: "rec_1", target })).toEqual([]);
    expect(checkRecord({ ...base, correctsId: "rec_1", target: null })[0]!.rule).toBe(
      "record_correction_unknown",
    );
    expect(
      checkRecord({ ...base, correctsId: "rec_1", target: { ...target, memberId: "mb_b" } })[0]!.rule,
    ).toBe("record_correction_unknown");
    expect(checkRecord({ ...base, memberId: null, correctsId: "rec_1", target })[0]!.rule).toBe(
      "record_correction_unknown",
    );
    expect(
      checkRecord({ ...base, correctsId: "rec_1", target: { ...target, correctedById: "rec_2" } })[0],
    ).toMatchObject({ rule: "record_already_corrected", facts: { correctedById: "rec_2" } });
  });

  it("share one vocabulary of kinds", () => {
    expect(RECORD_KINDS).toContain("daily_performance");
    expect(RECORD_KINDS).toContain("work");
    expect(new Set(RECORD_KINDS).size).toBe(RECORD_KINDS.length);
  });
});
