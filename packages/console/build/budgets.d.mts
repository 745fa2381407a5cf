export declare const BUDGETS: { signIn: number; route: number };
export declare const SIGN_IN_PAGE: string;
export declare const PHONE_SIGN_IN_PAGE: string;
export declare function routeSizes(
  outDir: string,
): { page: string; bytes: number; budget: number; ok: boolean }[];
