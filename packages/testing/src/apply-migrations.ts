import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Worker tests get freshly migrated DIRECTORY and SHARD_n databases per test file.
const e = env as unknown as Record<string, unknown> & {
  DIRECTORY: D1Database;
  TEST_DIRECTORY_MIGRATIONS: D1Migration[];
  TEST_SHARD_MIGRATIONS: D1Migration[];
};
await applyD1Migrations(e.DIRECTORY, e.TEST_DIRECTORY_MIGRATIONS);
for (let i = 0; e[`SHARD_${i}`]; i++)
  await applyD1Migrations(e[`SHARD_${i}`] as D1Database, e.TEST_SHARD_MIGRATIONS);
