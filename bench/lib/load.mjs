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
    // which statuses, so a failing scenario says why
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, v]) => [code, v.count]),
    ),
    errors: result.errors,
    ok,
  };
}

/**
 * The D1 statements, round trips and rows one request costs, from the headers every worker sets:
 * the first request (`cold`: the isolate has not yet remembered the key and branch) and the last
 * (warm, what the load run mostly sees).
 */
export async function sample(url, init = {}, times = 3) {
  const seen = [];
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    seen.push({
      status: res.status,
      queries: Number(res.headers.get("x-d1-queries") ?? 0),
      roundTrips: Number(res.headers.get("x-d1-round-trips") ?? 0),
      rowsRead: Number(res.headers.get("x-d1-rows-read") ?? 0),
    });
  }
  const warm = seen.at(-1);
  return { ...warm, queriesCold: seen[0].queries, roundTripsCold: seen[0].roundTrips };
}
