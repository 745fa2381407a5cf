import { env } from "cloudflare:workers";
import { type DataEnv, DataPlane, tenantContext } from "@vanguard/db";
import { membersBelow, STUDY_MEMBER_RECORDS, studySince } from "@vanguard/db/study";
import { describe, expect, it } from "vitest";
import { at, recordBatch, studyBranch } from "./harness";

describe("what the audits worker reads of study", () => {
  it("finds members below a period's threshold and the branch's last study day", async () => {
    const { ref, members } = await studyBranch({ size: 3 });
    const [a, b] = members;
    await recordBatch(ref, [
      { memberId: a!.id, kind: "daily_quiz", occurredAt: at("2025-10-03"), units: 5 },
      { memberId: a!.id, kind: "daily_quiz", occurredAt: at("2025-10-20"), units: 5 },
      { memberId: b!.id, kind: "login", occurredAt: at("2025-10-09") },
    ]);
    // a fresh data plane, as the audits worker has its own
    const tc = tenantContext(new DataPlane(env as unknown as DataEnv), ref);
    const below = await membersBelow(tc, "2025-10", 5);
    expect(below.map((m) => [m.name, m.points]).sort()).toEqual([
      ["党员2", 1],
      ["党员3", 0],
    ]);
    expect(await studySince(tc, "2025-10-05")).toEqual({
      lastDay: "2025-10-20",
      activeMembers: 2,
      points: 6,
    });
    expect(await studySince(tc, "2025-11-01")).toEqual({
      lastDay: "2025-10-20",
      activeMembers: 0,
      points: 0,
    });
  });

  it("lists the member-owned study tables that travel on a transfer", () => {
    expect(STUDY_MEMBER_RECORDS.map((t) => t.name)).toEqual([
      "study_days",
      "meeting_attendance",
      "study_quiz_submissions",
    ]);
  });
});
