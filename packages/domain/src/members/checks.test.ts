import { describe, expect, it } from "vitest";
import { checkMemberFacts } from "./checks";
import { checkCharacter } from "./id-number";

const today = "2026-11-27";
const rules = (m: Parameters<typeof checkMemberFacts>[0]) => checkMemberFacts(m, today).map((f) => f.rule);

describe("member record consistency", () => {
  it("accepts a full member who joined as an adult", () => {
    const id17 = "32070719850312001";
    expect(
      rules({
        birthDate: "1985-03-12",
        status: "full",
        joinedOn: "2010-07-01",
        idNumber: id17 + checkCharacter(id17),
      }),
    ).toEqual([]);
  });

  it("requires a joining date of party members only", () => {
    expect(rules({ birthDate: "1985-03-12", status: "probationary" })).toEqual(["joined_on_required"]);
    expect(rules({ birthDate: "1985-03-12", status: "activist", joinedOn: "2010-01-01" })).toEqual([
      "joined_on_only_for_members",
    ]);
  });

  it("refuses joining under 18 or in the future", () => {
    expect(rules({ birthDate: "2000-05-01", status: "full", joinedOn: "2018-04-30" })).toEqual([
      "joined_under_18",
    ]);
    expect(rules({ birthDate: "2000-05-01", status: "full", joinedOn: "2027-01-01" })).toEqual([
      "joined_on_in_future",
    ]);
  });

  it("lets a 17-year-old be an applicant but not an activist", () => {
    expect(rules({ birthDate: "2009-06-01", status: "applicant" })).toEqual([]);
    expect(rules({ birthDate: "2009-06-01", status: "activist" })).toEqual(["under_18"]);
  });

  it("checks the birth date against the identity number", () => {
    expect(rules({ birthDate: "1949-12-30", status: "applicant", idNumber: "11010519491231002X" })).toEqual([
      "birth_date_matches_id_number",
    ]);
  });
});
