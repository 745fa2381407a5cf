// Load and sampling: autocannon for throughput and latency, plain requests for per-request D1 cost.
import autocannon from "autocannon";

export function load({
  url,
  method = "GET",
  headers = {},
  body,
  setupRequest,
  connections = 8,
  duration = 8,
}) {
  const requests = setupRequest ? [{ method, headers, body, setupRequest }] : undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method, headers, body, requests, connections, duration, pipelining: 1, timeout: 30 },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}

export function summarize(result) {
  const ok = result.requests.total - result.non2xx - result.errors;
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    ok,
  };
}

/** The D1 statements and rows one request costs, from the headers every worker sets. */
export async function sample(url, init = {}, times = 3) {
  let queries = 0;
  let rowsRead = 0;
  let status = 0;
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    status = res.status;
    queries = Math.max(queries, Number(res.headers.get("x-d1-queries") ?? 0));
    rowsRead = Math.max(rowsRead, Number(res.headers.get("x-d1-rows-read") ?? 0));
  }
  return { queries, rowsRead, status };
}
