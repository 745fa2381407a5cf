export interface DemoKeys {
  districtId: string;
  keys: {
    districtAdmin: string;
    auditor: string;
    branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
    member: { memberId: string; name: string; key: string };
  };
  branches: Record<string, { branchId: string; name: string; branchAdmin: string }>;
}

export function seedDemo(opts: {
  base: string;
  adminKey: string;
  keysFile?: string;
  today?: string;
}): Promise<DemoKeys>;
