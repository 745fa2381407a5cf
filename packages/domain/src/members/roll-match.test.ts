import { describe, expect, it } from "vitest";
import { differingFields, matchOnRoll, type RollFields, RollMatcher } from "./roll-match";

const person = (over: Partial<RollFields> = {}): RollFields => ({
  name: "王晓明",
  gender: "male",
  birthDate: "1985-03-12",
  status: "full",
  joinedOn: "2010-07-01",
  education: "大学本科",
  idNumberHash: null,
  phoneMasked: null,
  ...over,
});

describe("matching an imported row to the roll", () => {
  it("matches by identity number first, whatever the name says", () => {
    const roll = [{ ...person({ idNumberHash: "h1", name: "王小明" }), id: "mb_1" }];
    expect(matchOnRoll(person({ idNumberHash: "h1" }), roll)).toEqual({
      kind: "same",
      memberId: "mb_1",
      differs: ["name"],
    });
  });

  it("matches rows without a number by name and birth date, and reports an identical row as unchanged", () => {
    const roll = [{ ...person(), id: "mb_1" }];
    expect(matchOnRoll(person(), roll)).toEqual({ kind: "same", memberId: "mb_1", differs: [] });
    expect(matchOnRoll(person({ birthDate: "1985-03-13" }), roll)).toEqual({ kind: "new" });
  });

  it("does not take two people with different numbers for one because their names agree", () => {
    const roll = [{ ...person({ idNumberHash: "h1" }), id: "mb_1" }];
    expect(matchOnRoll(person({ idNumberHash: "h2" }), roll)).toEqual({ kind: "new" });
  });

  it("names a number added to a member who had none as a difference", () => {
    const roll = [{ ...person(), id: "mb_1" }];
    expect(matchOnRoll(person({ idNumberHash: "h9" }), roll)).toEqual({
      kind: "same",
      memberId: "mb_1",
      differs: ["idNumber"],
    });
  });

  it("treats a blank cell as saying nothing", () => {
    expect(differingFields(person({ education: null, joinedOn: null }), person())).toEqual([]);
    expect(differingFields(person({ status: "probationary", phoneMasked: "138****5678" }), person())).toEqual(
      ["status", "phone"],
    );
  });

  it("matches a file row by row against the roll and the rows before it, first match in roll order", () => {
    const roll = new RollMatcher([
      { ...person({ idNumberHash: "h1" }), id: "mb_1" },
      { ...person(), id: "mb_2" },
    ]);
    // the same name and birth date: not mb_1, whose number says someone else, but mb_2
    expect(roll.match(person({ idNumberHash: "h2" }))).toEqual({
      kind: "same",
      memberId: "mb_2",
      differs: ["idNumber"],
    });
    const fresh = { ...person({ name: "李红", idNumberHash: "h3" }), id: "mb_3" };
    expect(roll.match(fresh)).toEqual({ kind: "new" });
    roll.add(fresh);
    // the file's second line for the same person finds the first, by number or by name
    expect(roll.match(person({ name: "李红", idNumberHash: "h3", education: "硕士" }))).toEqual({
      kind: "same",
      memberId: "mb_3",
      differs: ["education"],
    });
    expect(roll.match(person({ name: "李红" }))).toEqual({ kind: "same", memberId: "mb_3", differs: [] });
  });
});
