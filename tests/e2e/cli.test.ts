import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GB18030_ROLL, xlsxOf } from "@vanguard/testing/spreadsheets";
import { describe, expect, it } from "vitest";
import { ADMIN_KEY, base, idNumber, must, unique } from "../support/http";

const BIN = join(import.meta.dirname, "../../packages/client/bin/vanguard.mjs");

/** Runs the `vanguard` command the way a person would, against the running stack (in English unless told). */
function vanguard(args: string[], key = ADMIN_KEY, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      LANG: "en_US.UTF-8",
      LC_ALL: "",
      LC_MESSAGES: "",
      VANGUARD_URL: base(),
      VANGUARD_KEY: key,
      ...env,
    },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe("the vanguard CLI", () => {
  it("provisions a district and a branch, issues keys, imports a roll in chunks and runs an audit", async () => {
    const code = unique("cli");
    const district = vanguard([
      "districts",
      "create",
      "--code",
      code,
      "--name",
      "命令行区",
      "--shard",
      "1",
      "--json",
    ]);
    expect(district.status, district.stderr).toBe(0);
    const d = district.json();
    expect(d).toMatchObject({ code, shard: 1 });
    const dk = vanguard([
      "keys",
      "issue",
      "--district",
      d.id,
      "--role",
      "district_admin",
      "--label",
      "组织部",
      "--json",
    ]).json().key;
    const branch = vanguard(
      [
        "branches",
        "create",
        "--district",
        d.id,
        "--name",
        "命令行支部",
        "--kind",
        "branch",
        "--founded-on",
        "2015-07-01",
        "--json",
      ],
      dk,
    );
    expect(branch.status, branch.stderr).toBe(0);
    const b = branch.json();
    const human = vanguard(
      ["keys", "issue", "--branch", b.id, "--role", "branch_admin", "--label", "书记"],
      dk,
    );
    expect(human.stdout).toMatch(/shown once/);
    const bk = human.stdout.split("\n")[1]!.trim();
    expect(bk).toMatch(/^vgk_/);

    const dir = mkdtempSync(join(tmpdir(), "vanguard-cli-"));
    const file = join(dir, "roll.csv");
    const rows = ["姓名,性别,出生日期,状态,入党日期,身份证号"];
    for (let i = 0; i < 2500; i++) {
      const birth = `19${60 + (i % 30)}-0${1 + (i % 9)}-2${i % 8}`;
      rows.push(
        i === 1234
          ? "坏行,未知,1990-01-01,正式党员,2015-07-01,"
          : `党员${i},${i % 2 ? "男" : "女"},${birth},正式党员,2015-07-01,${idNumber(birth, Math.floor(i / 240))}`,
      );
    }
    writeFileSync(file, rows.join("\n"));
    const imported = vanguard(["members", "import", "--branch", b.id, file, "--chunk", "1000", "--json"], bk);
    expect(imported.status, imported.stderr).toBe(0);
    const result = imported.json();
    expect(result.created).toBe(2499);
    // the bad row is reported by its line in the file, not in the chunk it travelled in
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0].line).toBe(1236);
    // running the same import again changes nothing: every chunk is replayed by its Idempotency-Key
    const again = vanguard(["members", "import", "--branch", b.id, file, "--chunk", "1000", "--json"], bk);
    expect(again.json().created).toBe(2499);
    // fixing the bad row and importing the whole file again, in other chunks, creates only that row
    rows[1235] = "坏行,男,1990-01-01,正式党员,2015-07-01,";
    writeFileSync(file, rows.join("\n"));
    const fixed = vanguard(["members", "import", "--branch", b.id, file, "--chunk", "700", "--json"], bk);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.json()).toMatchObject({ created: 1, conflicts: [], rejected: [] });
    expect(fixed.json().unchanged).toHaveLength(2499);
    const verdict = await must("GET", `/v1/branches/${b.id}/events/verify`, { key: bk });
    expect(verdict.length).toBe(2500);

    const audit = vanguard(["audits", "run", "--district", d.id, "--wait", "--json"]);
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.json()).toMatchObject({ status: "done", branchesTotal: 1, branchesDone: 1 });
  });

  it("imports a roll saved by Excel on Chinese Windows (GB18030) in chunks, and an xlsx, with their Chinese names", async () => {
    const d = await must("POST", "/v1/districts", { body: { code: unique("cligb"), name: "编码区" } });
    const { key: dk } = await must("POST", `/v1/districts/${d.id}/keys`, {
      body: { role: "district_admin", label: "组织部" },
    });
    const b = await must("POST", `/v1/districts/${d.id}/branches`, {
      key: dk,
      body: { name: "编码支部", kind: "branch", foundedOn: "2010-07-01" },
    });
    const { key: bk } = await must("POST", `/v1/branches/${b.id}/keys`, {
      key: dk,
      body: { role: "branch_admin", label: "书记" },
    });
    const dir = mkdtempSync(join(tmpdir(), "vanguard-cli-"));
    const gb = join(dir, "花名册.csv");
    writeFileSync(gb, GB18030_ROLL);
    // one row a chunk: each chunk is cut between whole characters and sent as UTF-8
    const first = vanguard(["members", "import", "--branch", b.id, gb, "--chunk", "1", "--json"], bk);
    expect(first.status, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ created: 2, rejected: [] });
    const again = vanguard(["members", "import", "--branch", b.id, gb, "--chunk", "2", "--json"], bk);
    expect(again.json()).toMatchObject({ created: 0, conflicts: [], rejected: [] });
    expect(again.json().unchanged).toHaveLength(2);
    const book = join(dir, "roll.data");
    writeFileSync(
      book,
      xlsxOf([
        ["姓名", "性别", "出生日期", "状态", "入党日期"],
        ["司马光", "男", "1980-02-03", "正式党员", "2005-07-01"],
      ]),
    );
    const xlsx = vanguard(["members", "import", "--branch", b.id, book, "--json"], bk);
    expect(xlsx.status, xlsx.stderr).toBe(0);
    expect(xlsx.json()).toMatchObject({ created: 1, rejected: [] });
    const names = (await must("GET", `/v1/branches/${b.id}/members`, { key: bk })).items.map(
      (m: { name: string }) => m.name,
    );
    expect(names.sort()).toEqual(["张三丰", "司马光", "欧阳娜娜"].sort());
    // and back out as the 花名册, in the words the import read
    const roll = join(dir, "导出.csv");
    const saved = vanguard(["members", "export", "--branch", b.id, "--out", roll], bk, {
      LANG: "zh_CN.UTF-8",
    });
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(`花名册已写入 ${roll}`);
    const text = readFileSync(roll, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFF姓名,性别,出生日期,人员类别,入党日期,转入本支部日期,身份证号,手机号,学历",
    );
    expect(text).toContain("\r\n司马光,男,1980-02-03,正式党员,2005-07-01,");
    expect(text.trim().split("\r\n")).toHaveLength(4);
  });

  it("explains what went wrong, in the chosen language", () => {
    const missing = vanguard(["branches", "create", "--name", "x"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--district");
    const refused = vanguard(["districts", "create", "--code", "Bad Code", "--name", "x", "--lang", "en"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("400");
    expect(refused.stderr).toContain("code");
  });

  it("helps per command and tells its version, in the user's language, with no key needed", () => {
    const zh = vanguard(["members", "import", "--help"], "", { LANG: "zh_CN.UTF-8", VANGUARD_KEY: "" });
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain("用法: vanguard members import --branch <id>");
    expect(zh.stdout).toContain("不会重复创建");
    const en = vanguard(["reports", "pull", "--help"], "", { VANGUARD_KEY: "" });
    expect(en.stdout).toContain("Usage: vanguard reports pull compliance|development|study|trends");
    expect(en.stdout).not.toContain("members import");
    const all = vanguard(["--help"], "", { LANG: "zh_CN.UTF-8" });
    expect(all.stdout).toContain("先锋 Vanguard 命令行");
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../packages/client/package.json"), "utf8"),
    );
    expect(vanguard(["--version"]).stdout.trim()).toBe(pkg.version);
    expect(vanguard(["districts", "list", "--version"]).stdout.trim()).toBe(pkg.version);
  });

  it("speaks Chinese under a zh_* locale, the server's field names included", () => {
    const zh = vanguard(["districts", "create", "--code", "Bad Code", "--name", "x"], ADMIN_KEY, {
      LANG: "zh_CN.UTF-8",
    });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain("400 invalid_request: 请求参数无效");
    expect(zh.stderr).toMatch(/^ {2}代码: /m);
    const en = vanguard(["districts", "create", "--code", "Bad Code", "--name", "x"]);
    expect(en.stderr).toContain("The request is invalid");
    expect(en.stderr).toMatch(/^ {2}code: /m);
    const missing = vanguard(["branches", "create", "--name", "x"], ADMIN_KEY, { LANG: "zh_CN.UTF-8" });
    expect(missing.stderr).toContain("缺少 --district");
  });

  it("says plainly when the server is down: the URL it tried and how to start it", async () => {
    // a port that was free a moment ago: nothing listens on it
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const en = vanguard(["districts", "list"], ADMIN_KEY, { VANGUARD_URL: url });
    expect(en.status).toBe(3);
    expect(en.stderr).toContain(`Cannot reach ${url}`);
    expect(en.stderr).toContain("pnpm dev");
    const zh = vanguard(["districts", "list", "--url", url], ADMIN_KEY, { LANG: "zh_CN.UTF-8" });
    expect(zh.stderr).toContain(`无法连接到 ${url}`);
    expect(zh.stderr).toContain("pnpm dev");
  });

  it("pages lists to the end and pulls the trends report as CSV or JSON", async () => {
    const d = await must("POST", "/v1/districts", { body: { code: unique("clipg"), name: "翻页区" } });
    const { key: dk } = await must("POST", `/v1/districts/${d.id}/keys`, {
      body: { role: "district_admin", label: "组织部" },
    });
    const names = ["一支部", "二支部", "三支部", "四支部", "五支部"];
    for (const name of names) {
      await must("POST", `/v1/districts/${d.id}/branches`, {
        key: dk,
        body: { name, kind: "branch", foundedOn: "2010-07-01" },
      });
    }
    const list = vanguard(["branches", "list", "--district", d.id, "--limit", "2", "--json"], dk);
    expect(list.status, list.stderr).toBe(0);
    expect(
      list
        .json()
        .items.map((b: { name: string }) => b.name)
        .sort(),
    ).toEqual([...names].sort());

    const dir = mkdtempSync(join(tmpdir(), "vanguard-cli-"));
    const csv = join(dir, "trends.csv");
    const pulled = vanguard(
      ["reports", "pull", "trends", "--district", d.id, "--months", "3", "--out", csv],
      dk,
      {
        LANG: "zh_CN.UTF-8",
      },
    );
    expect(pulled.status, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain(`已写入 ${csv}`);
    const text = readFileSync(csv, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split("\r\n").length).toBeGreaterThan(1);
    const json = vanguard(["reports", "pull", "trends", "--district", d.id, "--months", "3", "--json"], dk);
    expect(json.status, json.stderr).toBe(0);
    expect(json.json().months).toHaveLength(3);
  });

  it("runs from the repository root as pnpm vanguard", () => {
    const r = spawnSync("pnpm", ["vanguard", "--version"], {
      cwd: join(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      JSON.parse(readFileSync(join(import.meta.dirname, "../../packages/client/package.json"), "utf8"))
        .version,
    );
  });

  it("imports the README's sample rolls cleanly, and a rerun creates nobody", async () => {
    const d = await must("POST", "/v1/districts", { body: { code: unique("clisample"), name: "样例区" } });
    const { key: dk } = await must("POST", `/v1/districts/${d.id}/keys`, {
      body: { role: "district_admin", label: "组织部" },
    });
    const samples = join(import.meta.dirname, "../../docs/samples");
    for (const [file, name] of [
      ["members.csv", "样例一支部"],
      ["members-lianyun.csv", "样例二支部"],
    ] as const) {
      const b = await must("POST", `/v1/districts/${d.id}/branches`, {
        key: dk,
        body: { name, kind: "branch", foundedOn: "2010-07-01" },
      });
      const { key: bk } = await must("POST", `/v1/branches/${b.id}/keys`, {
        key: dk,
        body: { role: "branch_admin", label: "书记" },
      });
      const first = vanguard(["members", "import", "--branch", b.id, join(samples, file), "--json"], bk);
      expect(first.status, first.stderr).toBe(0);
      expect(first.json()).toMatchObject({ created: 3, conflicts: [], rejected: [] });
      // the same file again: its chunk is answered as before and says so; nothing is written
      const replay = vanguard(["members", "import", "--branch", b.id, join(samples, file)], bk);
      expect(replay.status, replay.stderr).toBe(0);
      expect(replay.stdout).toContain("were imported before");
      // in other chunks (new requests), every row is found on the roll: nobody is created twice
      const again = vanguard(
        ["members", "import", "--branch", b.id, join(samples, file), "--chunk", "2", "--json"],
        bk,
      );
      expect(again.json()).toMatchObject({ created: 0, conflicts: [], rejected: [], replayedChunks: 0 });
      expect(again.json().unchanged).toHaveLength(3);
      const roll = await must("GET", `/v1/branches/${b.id}/members`, { key: bk });
      expect(roll.items).toHaveLength(3);
    }
  });
});
