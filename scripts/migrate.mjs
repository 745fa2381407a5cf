// `pnpm db:migrate`: applies migrations/directory and migrations/shard to the local D1 databases.
import { join } from "node:path";
import { migrate, ROOT } from "./lib/stack.mjs";

const persistTo = process.env.VANGUARD_STATE ?? join(ROOT, ".wrangler/state");
migrate(persistTo);
console.log(`migrated DIRECTORY, SHARD_0, SHARD_1 in ${persistTo}`);
