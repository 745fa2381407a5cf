import type { DataEnv, DataPlane, ResolvedBranch, SessionHolder } from "@vanguard/db";
import type { Principal } from "./auth/principal";
import type { Lang } from "./errors/lang";

/** Bindings every Vanguard worker shares. Module workers add their own on top. */
export interface PlatformBindings extends DataEnv {
  /** HMAC key for the context the api worker hands to module workers */
  INTERNAL_SECRET: string;
  /** which requests get a JSON log line: default changes, refusals, failures and slow ones; "all"; "0" none */
  LOG_REQUESTS?: string;
  /** how long an isolate trusts what it last read about a key, a branch or a district; "0" turns it off */
  AUTH_CACHE_SECONDS?: string;
  /** "1" sends `X-D1-*` query counts on authenticated responses (dev, bench, tests); off by default */
  D1_METRICS?: string;
}

export interface AppVariables {
  requestId: string;
  lang: Lang;
  plane: DataPlane;
  principal: Principal;
  /** the branch the path names, resolved beside the key in the same directory round trip */
  branchHint: { id: string; branch: ResolvedBranch | undefined } | undefined;
  /** set when the caller signed in with the session cookie rather than a key */
  session: SessionHolder | undefined;
  /** set when the module worker that answered a forwarded request logged it (http/logger.ts) */
  loggedByModule: boolean | undefined;
}

export interface AppEnv<B extends PlatformBindings = PlatformBindings> {
  Bindings: B;
  Variables: AppVariables;
}
