import { describe, expect, it } from "vitest";
import { checkPayment, type PaymentFacts } from "./payments";

const base: PaymentFacts = {
  status: "full",
  joinedOn: "2010-07-01",
  month: "2026-11",
  today: "2026-11-27",
  monthlyDueFen: 5000,
  amountFen: 5000,
};
const rules = (p: Partial<PaymentFacts>) => checkPayment({ ...base, ...p }).map((f) => f.rule);

describe("dues payments", () => {
  it("accepts the due or more", () => {
    expect(rules({})).toEqual([]);
    expect(rules({ amountFen: 10000 })).toEqual([]);
  });

  it("allows six months ahead but not seven", () => {
    expect(rules({ month: "2027-05" })).toEqual([]);
    expect(rules({ month: "2027-06" })).toEqual(["dues_advance_over_6_months"]);
  });

  it("refuses non-members, months before joining, a missing basis and underpayment", () => {
    expect(rules({ status: "candidate", joinedOn: null })).toEqual(["dues_party_members_only"]);
    expect(rules({ joinedOn: "2026-12-01", month: "2026-11" })).toEqual(["dues_before_joining"]);
    expect(rules({ monthlyDueFen: null })).toEqual(["dues_basis_missing"]);
    expect(rules({ amountFen: 4999 })).toEqual(["dues_below_basis"]);
  });
});
