import { describe, expect, it } from "vitest";
import { caseDocumentsAvailable } from "./case-data";

describe("the forms a case offers", () => {
  it("offers a form once its step is recorded, and every form to a full member's case", () => {
    expect(caseDocumentsAvailable(["application", "application_talk"])).toEqual([]);
    expect(caseDocumentsAvailable(["application", "activist_designation"])).toEqual([
      "activist_registration",
    ]);
    expect(
      caseDocumentsAvailable(["activist_designation", "candidate_designation", "admission_vote"]),
    ).toEqual(["activist_registration", "candidate_publicity", "admission_resolution"]);
    expect(
      caseDocumentsAvailable([
        "activist_designation",
        "candidate_designation",
        "admission_vote",
        "full_membership_request",
        "full_membership_vote",
      ]),
    ).toEqual([
      "activist_registration",
      "candidate_publicity",
      "admission_resolution",
      "full_membership_resolution",
      "full_membership_publicity",
    ]);
  });
});
