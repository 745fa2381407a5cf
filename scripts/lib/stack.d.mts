import type { ChildProcess } from "node:child_process";

export const ROOT: string;
export const MODULES: string[];
export const CONFIGS: string[];
export function ensureDevVars(): void;
export function vendorAssets(): void;
export const CONSOLE_BUILT: string;
export function buildConsole(): void;
export function watchConsole(): ChildProcess;
export function migrate(persistTo: string): void;
export function freePort(): Promise<number>;
export function freePorts(n: number): Promise<number[]>;
export function waitForHealth(base: string, child: ChildProcess, timeoutMs?: number): Promise<void>;
export const WITHOUT_LOCAL_TRACES: Record<string, string>;
export function startStack(opts: {
  port: number;
  inspectorPort?: number;
  persistTo: string;
  inherit?: boolean;
  extraArgs?: string[];
  vars?: Record<string, string>;
  /** wrangler's local trace collector (default on; the bench and the tests turn it off) */
  traces?: boolean;
}): ChildProcess;
export function stopStack(child: ChildProcess | undefined): void;
