import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createVanguardClient, VanguardError } from "../client";
import { globals, required, UsageError } from "./args";
import { importMembers } from "./import-members";

const HELP = `vanguard — the Vanguard 先锋 command line

  vanguard districts create --code ganyu --name 赣榆区 [--shard 0] [--time-zone Asia/Shanghai]
  vanguard districts list
  vanguard branches create --district <id> --name <name> --kind branch|general_branch|committee --founded-on YYYY-MM-DD [--parent <id>]
  vanguard branches list --district <id>
  vanguard keys issue --district <id> --role district_admin|auditor --label <text>
  vanguard keys issue --branch <id> --role branch_admin|member [--member <id>] --label <text>
  vanguard keys revoke <keyId>
  vanguard members import --branch <id> <file.csv|file.xlsx> [--chunk 1000]   (CSV in UTF-8 or GB18030)
  vanguard reports pull compliance|development|study --district <id> [--period|--year|--month …] --out <file.csv|file.json>
  vanguard audits run [--district <id>] [--date YYYY-MM-DD] [--wait]

Every command takes --url (default $VANGUARD_URL or http://127.0.0.1:8787), --key (default $VANGUARD_KEY),
--lang en for English messages, and --json to print the raw answer.`;

type Out = (human: string, data: unknown) => void;

async function run(argv: string[]): Promise<void> {
  const [group, action, ...rest] = argv;
  if (!group || group === "help" || group === "--help" || group === "-h") {
    console.log(HELP);
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      key: { type: "string" },
      lang: { type: "string" },
      json: { type: "boolean" },
      code: { type: "string" },
      name: { type: "string" },
      shard: { type: "string" },
      "time-zone": { type: "string" },
      district: { type: "string" },
      branch: { type: "string" },
      kind: { type: "string" },
      "founded-on": { type: "string" },
      parent: { type: "string" },
      role: { type: "string" },
      member: { type: "string" },
      label: { type: "string" },
      chunk: { type: "string" },
      period: { type: "string" },
      year: { type: "string" },
      month: { type: "string" },
      out: { type: "string" },
      date: { type: "string" },
      wait: { type: "boolean" },
    },
  });
  const g = globals(values);
  const api = createVanguardClient({ baseUrl: g.url, key: g.key, lang: g.lang });
  const out: Out = (human, data) => console.log(values.json ? JSON.stringify(data, null, 2) : human);
  const key = `${group} ${action ?? ""}`.trim();

  switch (key) {
    case "districts create": {
      required(values, "code", "name");
      const { data } = await api.POST("/v1/districts", {
        body: {
          code: values.code!,
          name: values.name!,
          ...(values["time-zone"] ? { timeZone: values["time-zone"] } : {}),
          ...(values.shard !== undefined ? { shard: Number(values.shard) } : {}),
        },
      });
      return out(`district ${data!.id} ${data!.name} (shard ${data!.shard})`, data);
    }
    case "districts list": {
      const { data } = await api.GET("/v1/districts", { params: { query: { limit: 200 } } });
      return out(data!.items.map((d) => `${d.id}  ${d.code}  ${d.name}  shard ${d.shard}`).join("\n"), data);
    }
    case "branches create": {
      required(values, "district", "name", "kind", "founded-on");
      const { data } = await api.POST("/v1/districts/{districtId}/branches", {
        params: { path: { districtId: values.district! } },
        body: {
          name: values.name!,
          kind: values.kind as "branch",
          foundedOn: values["founded-on"]!,
          ...(values.parent ? { parentId: values.parent } : {}),
        },
      });
      return out(`branch ${data!.id} ${data!.name}`, data);
    }
    case "branches list": {
      required(values, "district");
      const { data } = await api.GET("/v1/districts/{districtId}/branches", {
        params: { path: { districtId: values.district! }, query: { limit: 200 } },
      });
      return out(data!.items.map((b) => `${b.id}  ${b.kind}  ${b.name}`).join("\n"), data);
    }
    case "keys issue": {
      required(values, "role", "label");
      if (values.branch) {
        const { data } = await api.POST("/v1/branches/{branchId}/keys", {
          params: { path: { branchId: values.branch } },
          body: {
            role: values.role as "branch_admin",
            label: values.label!,
            ...(values.member ? { memberId: values.member } : {}),
          },
        });
        return out(`${data!.role} key ${data!.id}\n${data!.key}\n(shown once: store it now)`, data);
      }
      required(values, "district");
      const { data } = await api.POST("/v1/districts/{districtId}/keys", {
        params: { path: { districtId: values.district! } },
        body: { role: values.role as "district_admin", label: values.label! },
      });
      return out(`${data!.role} key ${data!.id}\n${data!.key}\n(shown once: store it now)`, data);
    }
    case "keys revoke": {
      const keyId = positionals[0];
      if (!keyId) throw new UsageError("keys revoke <keyId>");
      await api.DELETE("/v1/keys/{keyId}", { params: { path: { keyId } } });
      return out(`revoked ${keyId}`, { revoked: keyId });
    }
    case "members import": {
      required(values, "branch");
      const file = positionals[0];
      if (!file) throw new UsageError("members import --branch <id> <file.csv|file.xlsx>");
      const result = await importMembers({
        url: g.url,
        key: g.key,
        branchId: values.branch!,
        file,
        chunkSize: Number(values.chunk ?? 1000),
        lang: g.lang,
        progress: Boolean(process.stderr.isTTY) && !values.json,
      });
      const lines = result.rejected.map(
        (r) =>
          `  line ${r.line}: ${r.errors.map((e) => `${e.path ?? e.rule ?? ""} ${e.message}`.trim()).join("; ")}`,
      );
      const conflicts = result.conflicts.map(
        (r) => `  line ${r.line}: already on the roll as ${r.memberId}, differs in ${r.fields.join(", ")}`,
      );
      return out(
        [
          `created ${result.created}, unchanged ${result.unchanged.length}, conflicts ${result.conflicts.length}, rejected ${result.rejected.length}`,
          ...conflicts,
          ...lines,
        ].join("\n"),
        result,
      );
    }
    case "reports pull": {
      const report = positionals[0];
      if (!report || !["compliance", "development", "study"].includes(report)) {
        throw new UsageError("reports pull compliance|development|study --district <id> --out <file>");
      }
      required(values, "out");
      const query = new URLSearchParams();
      if (values.district) query.set("districtId", values.district);
      for (const k of ["period", "year", "month"] as const) if (values[k]) query.set(k, values[k]!);
      const csv = values.out!.toLowerCase().endsWith(".csv");
      const res = await fetch(`${g.url.replace(/\/$/, "")}/v1/reports/${report}?${query}`, {
        headers: {
          authorization: `Bearer ${g.key}`,
          accept: csv ? "text/csv" : "application/json",
          "accept-language": g.lang,
        },
      });
      if (!res.ok || !res.body)
        throw new VanguardError(res.status, (await res.json().catch(() => ({}))) as object);
      await pipeline(
        Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
        createWriteStream(values.out!),
      );
      return out(`wrote ${values.out}`, { report, out: values.out });
    }
    case "audits run": {
      const { data } = await api.POST("/v1/audits/runs", {
        body: {
          ...(values.district ? { districtId: values.district } : {}),
          ...(values.date ? { date: values.date } : {}),
        },
      });
      let run = data!;
      while (values.wait && run.status !== "done" && run.status !== "failed") {
        await new Promise((r) => setTimeout(r, 500));
        run = (await api.GET("/v1/audits/runs/{runId}", { params: { path: { runId: run.id } } })).data!;
        if (process.stderr.isTTY) process.stderr.write(`\r${run.branchesDone}/${run.branchesTotal} branches`);
      }
      if (values.wait && process.stderr.isTTY) process.stderr.write("\n");
      return out(
        `run ${run.id}: ${run.status}, ${run.branchesDone}/${run.branchesTotal} branches, ${run.findingsOpened} findings opened`,
        run,
      );
    }
    default:
      throw new UsageError(`unknown command: ${key}\n\n${HELP}`);
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof VanguardError) {
    console.error(
      `${err.status} ${err.problem.code ?? ""}: ${err.problem.detail ?? err.problem.title ?? ""}`,
    );
    for (const e of err.problem.errors ?? []) console.error(`  ${e.path ?? e.rule ?? ""}: ${e.message}`);
    process.exit(1);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
