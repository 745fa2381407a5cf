import { describe, expect, it } from "vitest";
import { discloseBirthDate, displayIdMask, redactPersonal } from "./disclosure";

describe("what each reader sees of a person", () => {
  it("shows only the last 4 characters of an identity number, whatever an old mask kept", () => {
    expect(displayIdMask("320***********0017")).toBe("**************0017");
    expect(displayIdMask("**************0017")).toBe("**************0017");
    expect(displayIdMask(null)).toBeNull();
  });

  it("shows an auditor no birth date", () => {
    expect(discloseBirthDate("1975-04-18", "branch_admin")).toBe("1975-04-18");
    expect(discloseBirthDate("1975-04-18", "district_admin")).toBe("1975-04-18");
    expect(discloseBirthDate("1975-04-18", "member")).toBe("1975-04-18");
    expect(discloseBirthDate("1975-04-18", "auditor")).toBeNull();
  });

  it("narrows a logged before/after on the way out, at any depth", () => {
    const logged = {
      before: { name: "肖长青", birthDate: "1975-04-18", idNumber: "320***********0017" },
      people: [{ idNumber: "110***********002X", birthDate: "1949-12-31" }],
      note: "birthDate",
    };
    expect(redactPersonal(logged, "auditor")).toEqual({
      before: { name: "肖长青", birthDate: null, idNumber: "**************0017" },
      people: [{ idNumber: "**************002X", birthDate: null }],
      note: "birthDate",
    });
    expect(redactPersonal(logged, "branch_admin")).toMatchObject({
      before: { birthDate: "1975-04-18", idNumber: "**************0017" },
    });
  });
});
