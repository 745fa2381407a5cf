export interface DemoKeys {
  districtId: string;
  keys: {
    districtAdmin: string;
    auditor: string;
    branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
    member: { memberId: string; name: string; key: string };
    /** 城南街道党支部: on the platform from 1 September, its earlier history imported */
    adopted: { branchId: string; name: string; branchAdmin: string; recordsFrom: string };
  };
  branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
}

export function seedDemo(opts: {
  base: string;
  adminKey: string;
  keysFile?: string;
  today?: string;
}): Promise<DemoKeys>;
