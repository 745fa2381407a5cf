// Signing in: a person's account on the big branch, its session beside the branch's key, and sign-in itself.
const PASSWORD = "bench-password-2026";

/** An account for the big branch, signed in with its password changed: a session ready for reads. */
export async function sessionSetup(ctx) {
  const { base, api, big } = ctx;
  const issued = await api.as(big.districtKey).post(`/v1/branches/${big.branchId}/accounts`, {
    login: "bench-secretary",
    displayName: "压测书记",
    role: "branch_admin",
  });
  const signIn = async (password) => {
    const res = await fetch(`${base}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: issued.login, password }),
    });
    if (!res.ok) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
    return /vg_session=([^;]*)/.exec(res.headers.get("set-cookie"))[1];
  };
  const first = await signIn(issued.initialPassword);
  const changed = await fetch(`${base}/v1/auth/password`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `vg_session=${first}`, origin: base },
    body: JSON.stringify({ currentPassword: issued.initialPassword, newPassword: PASSWORD }),
  });
  if (!changed.ok) throw new Error(`bench password change failed: ${changed.status} ${await changed.text()}`);
  return { login: issued.login, session: first, signIn: () => signIn(PASSWORD) };
}

export function sessionScenarios(ctx, setup) {
  const { base, big } = ctx;
  return [
    {
      name: "member list (50 rows), signed in",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/members?limit=50`,
      headers: { cookie: `vg_session=${setup.session}` },
    },
    {
      name: "sign-in (POST /v1/auth/login)",
      read: false,
      method: "POST",
      // the KDF holds the isolate: more connections only queue
      connections: 4,
      url: `${base}/v1/auth/login`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: setup.login, password: PASSWORD }),
    },
  ];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn, times) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/**
 * One at a time, so the figures are a single request's cost: a sign-in, the KDF alone in workerd
 * (the constant worker's `/kdf`), and the constant worker's floor to subtract from it.
 */
export async function signInCosts(setup, baseline, times = 20) {
  const get = (url) => fetch(url).then((r) => r.arrayBuffer());
  const floor = await timed(() => get(`${baseline}/`), times);
  const kdf = (await timed(() => get(`${baseline}/kdf?iterations=100000`), times)) - floor;
  const signIn = await timed(() => setup.signIn(), times);
  return { signInMs: signIn, kdfMs: kdf, floorMs: floor };
}

/**
 * The session path beside the key path on the same request, in the order key, session, session,
 * key, key, session: on two shared cores throughput drifts during a run, and this order puts as much
 * of a steady drift on one side as on the other. The ratio is of the summed throughputs.
 */
export async function sessionVersusKey(ctx, setup, { load, summarize, duration }) {
  const { base, big } = ctx;
  const url = `${base}/v1/branches/${big.branchId}/members?limit=50`;
  const headers = {
    key: { authorization: `Bearer ${big.key}` },
    session: { cookie: `vg_session=${setup.session}` },
  };
  const runs = [];
  for (const side of ["key", "session", "session", "key", "key", "session"]) {
    runs.push({ side, ...summarize(await load({ url, headers: headers[side], duration })) });
  }
  const sum = (side) => runs.filter((r) => r.side === side).reduce((n, r) => n + r.rps, 0);
  const keyRps = sum("key") / 3;
  const sessionRps = sum("session") / 3;
  return { keyRps, sessionRps, ratio: sessionRps / keyRps, runs };
}
