export interface DemoKeys {
  districtId: string;
  keys: {
    districtAdmin: string;
    auditor: string;
    branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
    member: { memberId: string; name: string; key: string };
    /** 城南街道党支部: on the platform from 1 September, its earlier history imported */
    adopted: { branchId: string; name: string; branchAdmin: string; recordsFrom: string };
    /** what the practices seed made: confirmed service on a candidate's case, a political birthday, featured reflections, a term ending */
    practices: {
      serviceCaseId: string;
      serviceMemberId: string;
      birthdayMemberId: string;
      featuredReflectionIds: string[];
      termEndingBranchId: string;
      termEnd: string;
    };
  };
  branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
  /**
   * People who sign in at /console/: `ganyu-admin`, `ganyu-auditor`, `econ-secretary`, `econ-member`,
   * each with the one-time password made at seeding (changed at first sign-in, so a browser test that
   * signs in changes it and keeps the new one itself).
   */
  accounts: Record<"districtAdmin" | "auditor" | "branchAdmin" | "member", DemoAccount>;
}

export interface DemoAccount {
  id: string;
  login: string;
  /** the one-time initial password */
  password: string;
  role: "district_admin" | "auditor" | "branch_admin" | "member";
  displayName: string;
}

export function seedDemo(opts: {
  base: string;
  adminKey: string;
  keysFile?: string;
  today?: string;
}): Promise<DemoKeys>;
