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
export function startStack(opts: {
  port: number;
  inspectorPort?: number;
  persistTo: string;
  inherit?: boolean;
  extraArgs?: string[];
  vars?: Record<string, string>;
}): ChildProcess;
export function stopStack(child: ChildProcess | undefined): void;
