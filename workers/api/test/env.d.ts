import type { D1Migration } from "cloudflare:test";
import type { ApiBindings } from "../src/env";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
    interface Env extends ApiBindings {
      TEST_DIRECTORY_MIGRATIONS: D1Migration[];
      TEST_SHARD_MIGRATIONS: D1Migration[];
    }
  }
}
