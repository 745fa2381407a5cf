// A minimal HTTP client for scripts (seed, bench): JSON in, JSON out, problems thrown.
export function client(base, key) {
  async function request(method, path, body, headers = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const err = new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
      err.status = res.status;
      err.body = data;
      throw err;
    }
    return data;
  }
  return {
    get: (p) => request("GET", p),
    post: (p, b, h) => request("POST", p, b, h),
    put: (p, b) => request("PUT", p, b),
    patch: (p, b) => request("PATCH", p, b),
    del: (p) => request("DELETE", p),
    as: (otherKey) => client(base, otherKey),
  };
}
