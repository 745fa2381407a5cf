import type { Plugin } from "vite";
export declare function reportBudgets(): Plugin;
