import { describe, expect, it } from "vitest";
import { mayResolveFinding } from "./finding";

describe("who may resolve a finding", () => {
  it("keeps a broken event chain for the district or the platform", () => {
    expect(mayResolveFinding("event_chain_broken", "branch_admin")).toBe(false);
    expect(mayResolveFinding("event_chain_broken", "district_admin")).toBe(true);
    expect(mayResolveFinding("event_chain_broken", "platform_admin")).toBe(true);
    expect(mayResolveFinding("dues_arrears", "branch_admin")).toBe(true);
  });
});
