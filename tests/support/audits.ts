import { must } from "./http";

/** Polls an audit run until it ends (done or failed), as a client would. */
export async function waitForRun(id: string) {
  for (let i = 0; i < 900; i++) {
    const run = await must("GET", `/v1/audits/runs/${id}`);
    if (run.status === "done" || run.status === "failed") return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${id} did not finish: ${JSON.stringify(await must("GET", `/v1/audits/runs/${id}`))}`);
}

/** Audits one district on demand (platform admin) and waits for the run to finish. */
export async function auditDistrict(districtId: string) {
  const started = await must("POST", "/v1/audits/runs", { body: { districtId } }, [202]);
  const run = await waitForRun(started.id);
  if (run.status !== "done") throw new Error(`audit run failed: ${JSON.stringify(run)}`);
  return run;
}
