// Synthetic data written straight into the local D1 files with recursive CTEs: a year of data for
// thousands of branches in seconds, where seeding through the API would take the whole budget.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/lib/stack.mjs";

export function executeSql(persistTo, database, sql, tmpDir) {
  const file = join(tmpDir, `${database}-${Date.now()}-${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, sql);
  const r = spawnSync(
    join(ROOT, "node_modules/.bin/wrangler"),
    [
      "d1",
      "execute",
      database,
      "--local",
      "--persist-to",
      persistTo,
      "-c",
      "wrangler.toml",
      "--file",
      file,
      "--yes",
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`d1 execute ${database} failed:\n${r.stderr || r.stdout}`);
}

/** Sortable fake ids in the product's shape: prefix + 26 characters. */
export const idExpr = (prefix, tag, expr) => `printf('${prefix}_${tag}%0${26 - tag.length}d', ${expr})`;

export const seq = (name, n) =>
  `${name}(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM ${name} WHERE i < ${n - 1})`;

/** Branches of a district in the directory. */
export function directoryBranchesSql({ districtId, tag, branches, now }) {
  return `WITH RECURSIVE ${seq("n", branches)}
INSERT INTO branches (id, district_id, parent_id, path, kind, name, founded_on, created_at, updated_at, version)
SELECT ${idExpr("br", tag, "i")}, '${districtId}', NULL, '/' || ${idExpr("br", tag, "i")} || '/', 'branch',
       '${tag}支部' || i, '2010-07-01', '${now}', '${now}', 1 FROM n;`;
}

/**
 * Members (mostly full, a few in the pipeline), a committee for most branches (some expired), six
 * months of dues with a few members in arrears, and a last-activity date spread over 60 days.
 */
export function shardTenantSql({ districtId, tag, branches, members, now, today }) {
  const branchId = idExpr("br", tag, "b.i");
  const months = [];
  const d = new Date(`${today}T00:00:00Z`);
  for (let k = 6; k >= 1; k--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, 1));
    months.push(m.toISOString().slice(0, 7));
  }
  return `
WITH RECURSIVE ${seq("b", branches)}, ${seq("m", members)}
INSERT INTO members (branch_id, id, district_id, name, gender, birth_date, status, joined_on, created_at, updated_at, version)
SELECT ${branchId}, ${idExpr("mb", tag, "b.i * 1000 + m.i")}, '${districtId}', '党员' || m.i,
       CASE m.i % 2 WHEN 0 THEN 'male' ELSE 'female' END,
       printf('19%02d-%02d-%02d', 50 + m.i % 45, 1 + m.i % 12, 1 + m.i % 28),
       CASE WHEN m.i % 10 = 9 THEN 'activist' WHEN m.i % 10 = 8 THEN 'probationary' ELSE 'full' END,
       CASE WHEN m.i % 10 = 9 THEN NULL ELSE printf('20%02d-07-01', m.i % 20) END,
       '${now}', '${now}', 1
  FROM b CROSS JOIN m;

WITH RECURSIVE ${seq("b", branches)}
INSERT INTO committees (branch_id, district_id, term_start, term_end, updated_at, version)
SELECT ${branchId}, '${districtId}', '2023-03-01', CASE WHEN b.i % 10 = 0 THEN '2026-03-01' ELSE '2028-03-01' END, '${now}', 1
  FROM b WHERE b.i % 7 <> 0;

WITH RECURSIVE ${seq("b", branches)}
INSERT INTO activity (scope_id, last_at, last_action)
SELECT ${branchId}, datetime('${today}', '-' || (b.i % 60) || ' days'), 'member.updated' FROM b;

WITH RECURSIVE ${seq("b", branches)}, ${seq("m", members)}, months(month) AS (VALUES ${months.map((x) => `('${x}')`).join(", ")})
INSERT INTO dues_payments (branch_id, id, district_id, member_id, month, amount_fen, paid_on, recorded_at, recorded_by)
SELECT ${branchId}, ${idExpr("dp", tag, "(b.i * 1000 + m.i) * 100 + CAST(substr(months.month, 6, 2) AS INTEGER)")}, '${districtId}',
       ${idExpr("mb", tag, "b.i * 1000 + m.i")}, months.month, 3000, months.month || '-10', '${now}', 'bench'
  FROM b CROSS JOIN m CROSS JOIN months
 WHERE m.i % 10 <> 9 AND NOT (m.i % 13 = 0 AND months.month > '${months[1]}');
`;
}

/** A district with a district-admin key and a branch-admin key for its first branch, known to the bench. */
export function directoryDistrictSql({ districtId, code, name, shard, now, keys }) {
  const rows = [
    `INSERT INTO districts (id, code, name, time_zone, shard, created_at, updated_at, version) VALUES ('${districtId}', '${code}', '${name}', 'Asia/Shanghai', ${shard}, '${now}', '${now}', 1);`,
  ];
  for (const k of keys) {
    rows.push(
      `INSERT INTO principals (id, role, district_id, branch_id, member_id, audit_districts, label, created_at, created_by) VALUES ('${k.principalId}', '${k.role}', '${districtId}', ${k.branchId ? `'${k.branchId}'` : "NULL"}, NULL, NULL, 'bench', '${now}', 'bench');`,
      `INSERT INTO api_keys (id, principal_id, hash, prefix, created_at) VALUES ('${k.keyId}', '${k.principalId}', '${k.hash}', 'vgk_bench', '${now}');`,
    );
  }
  return rows.join("\n");
}
