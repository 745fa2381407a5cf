// The floor of the bench: a bare worker answering a constant response, served by the same workerd.
// `/kdf` runs the password hash alone (PBKDF2-SHA-256, the iterations in ?iterations=), so the bench
// can tell what a sign-in spends in the KDF from what it spends around it. `/d1?n=` runs n trivial
// statements in one D1 batch: the cost of a round trip and of its statements, with no work around them.
// `/write?n=` is the shape of a write that reads first: a batch of n reads, then a batch of n inserts.
export default {
  async fetch(req, env) {
    const url = new URL(req.url);
    if (url.pathname === "/d1") {
      const n = Math.min(Number(url.searchParams.get("n") ?? 1), 50);
      const rows = await env.DB.batch(
        Array.from({ length: n }, (_, i) => env.DB.prepare("SELECT ?1 AS n").bind(i)),
      );
      return new Response(JSON.stringify({ ok: true, statements: rows.length }), {
        headers: { "content-type": "application/json" },
      });
    }
    if (url.pathname === "/write") {
      const n = Math.min(Number(url.searchParams.get("n") ?? 1), 50);
      await env.DB.batch(Array.from({ length: n }, (_, i) => env.DB.prepare("SELECT ?1 AS n").bind(i)));
      await env.DB.batch([
        env.DB.prepare("CREATE TABLE IF NOT EXISTS floor_writes (n INTEGER NOT NULL)"),
        ...Array.from({ length: n - 1 }, (_, i) =>
          env.DB.prepare("INSERT INTO floor_writes (n) VALUES (?1)").bind(i),
        ),
      ]);
      return new Response(JSON.stringify({ ok: true, statements: 2 * n }), {
        headers: { "content-type": "application/json" },
      });
    }
    if (url.pathname === "/kdf") {
      const iterations = Number(url.searchParams.get("iterations") ?? 100000);
      const material = await crypto.subtle.importKey(
        "raw",
        new TextEncoder().encode("bench-password-1"),
        "PBKDF2",
        false,
        ["deriveBits"],
      );
      const salt = crypto.getRandomValues(new Uint8Array(16));
      await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, 256);
    }
    return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
  },
};
