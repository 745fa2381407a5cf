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

/** The study period keys of the year up to `today`: 30 days, 52 ISO weeks, 12 months, the year. */
export function studyPeriodKeys(today) {
  const keys = [];
  const d = new Date(`${today}T00:00:00Z`);
  for (let i = 0; i < 30; i++) keys.push(new Date(d.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  for (let i = 0; i < 52; i++) keys.push(isoWeek(new Date(d.getTime() - i * 7 * 86_400_000)));
  for (let i = 0; i < 12; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    keys.push(m.toISOString().slice(0, 7));
  }
  keys.push(today.slice(0, 4));
  return [...new Set(keys)];
}

function isoWeek(date) {
  const t = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * A year of study aggregates (member and branch totals per day, week, month and year, and the last
 * 30 days of daily rows) and this year's meetings, for every party member of a synthetic district.
 */
export function shardStudySql({ districtId, tag, branches, members, now, today }) {
  const keys = studyPeriodKeys(today);
  const scale = (k) => (k.length === 10 ? 1 : k.includes("W") ? 6 : k.length === 7 ? 25 : 300);
  const periods = keys.map((k) => `('${k}', ${scale(k)})`).join(", ");
  const days = keys
    .filter((k) => k.length === 10)
    .map((k) => `('${k}')`)
    .join(", ");
  const branchId = idExpr("br", tag, "b.i");
  const memberId = idExpr("mb", tag, "b.i * 1000 + m.i");
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const meetingMonths = Array.from(
    { length: month },
    (_, i) => `('${year}-${String(i + 1).padStart(2, "0")}')`,
  ).join(", ");
  return `
WITH RECURSIVE ${seq("b", branches)}, ${seq("m", members)}, p(period, k) AS (VALUES ${periods})
INSERT INTO study_member_periods (branch_id, period, member_id, district_id, points, activities, active_days, updated_at)
SELECT ${branchId}, p.period, ${memberId}, '${districtId}', p.k * (5 + (b.i * 7 + m.i * 3) % 20), p.k * 4, min(p.k, 1 + m.i % 7), '${now}'
  FROM b CROSS JOIN m CROSS JOIN p WHERE m.i % 10 <> 9 AND m.i % 17 <> 5;

INSERT INTO study_branch_periods (branch_id, period, district_id, points, activities, active_members, members, updated_at)
SELECT branch_id, period, district_id, sum(points), sum(activities), count(*), ${Math.round(members * 0.9)}, '${now}'
  FROM study_member_periods WHERE district_id = '${districtId}' GROUP BY branch_id, period;

WITH RECURSIVE ${seq("b", branches)}, ${seq("m", members)}, d(day) AS (VALUES ${days})
INSERT INTO study_days (branch_id, member_id, day, district_id, rule_version, points, deducted, flagged, activities, class_seconds, kinds, refs, recent, updated_at)
SELECT ${branchId}, ${memberId}, d.day, '${districtId}', 0, 5 + (b.i + m.i) % 20, 0, 0, 4, 0, '{}', '[]', '[]', '${now}'
  FROM b CROSS JOIN m CROSS JOIN d WHERE m.i % 10 <> 9 AND m.i % 17 <> 5;

WITH RECURSIVE ${seq("b", branches)}, mo(month) AS (VALUES ${meetingMonths}),
  kinds(kind, every, n) AS (VALUES ('committee', 1, 1), ('group', 1, 2), ('theme_day', 1, 3), ('general_assembly', 3, 4), ('lecture', 3, 5))
INSERT INTO meetings (branch_id, id, district_id, kind, held_on, topic, hours, present, absent, recorded_by, recorded_at)
SELECT ${branchId}, ${idExpr("mt", tag, "b.i * 1000 + CAST(substr(mo.month, 6, 2) AS INTEGER) * 10 + kinds.n")},
       '${districtId}', kinds.kind, mo.month || '-15', '学习贯彻', 2, ${members - 2}, 2, 'bench', '${now}'
  FROM b CROSS JOIN mo CROSS JOIN kinds
 WHERE CAST(substr(mo.month, 6, 2) AS INTEGER) % kinds.every = 0 AND NOT (b.i % 9 = 4 AND kinds.kind = 'committee');
`;
}

/** For report scenarios over many branches: this year's meetings and monthly branch study totals only. */
export function shardReportSql({ districtId, tag, branches, members, now, today }) {
  const branchId = idExpr("br", tag, "b.i");
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const months = Array.from(
    { length: month },
    (_, i) => `('${year}-${String(i + 1).padStart(2, "0")}')`,
  ).join(", ");
  return `
WITH RECURSIVE ${seq("b", branches)}, mo(month) AS (VALUES ${months})
INSERT INTO study_branch_periods (branch_id, period, district_id, points, activities, active_members, members, updated_at)
SELECT ${branchId}, mo.month, '${districtId}', 400 + b.i % 300, 80, ${members} - 3 - b.i % 7, ${members}, '${now}' FROM b CROSS JOIN mo;

WITH RECURSIVE ${seq("b", branches)}, mo(month) AS (VALUES ${months}),
  kinds(kind, every, n) AS (VALUES ('committee', 1, 1), ('group', 1, 2), ('theme_day', 1, 3), ('general_assembly', 3, 4), ('lecture', 3, 5))
INSERT INTO meetings (branch_id, id, district_id, kind, held_on, topic, hours, present, absent, recorded_by, recorded_at)
SELECT ${branchId}, ${idExpr("mt", tag, "b.i * 1000 + CAST(substr(mo.month, 6, 2) AS INTEGER) * 10 + kinds.n")},
       '${districtId}', kinds.kind, mo.month || '-15', '学习贯彻', 2, ${members - 2}, 2, 'bench', '${now}'
  FROM b CROSS JOIN mo CROSS JOIN kinds
 WHERE CAST(substr(mo.month, 6, 2) AS INTEGER) % kinds.every = 0 AND NOT (b.i % 9 = 4 AND kinds.kind = 'committee');
`;
}
