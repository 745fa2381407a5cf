import { failure, type RuleFailure } from "../rules/rule";

/** The WHATWG URL parser (in every runtime the domain runs in; its lib is not in the domain's). */
declare const URL: new (
  url: string,
) => { protocol: string; hostname: string; username: string; password: string };

/**
 * Where a branch may have its findings POSTed. The platform sends from inside the deployment, so
 * an address that names the platform's own network (loopback, private, link-local and the cloud
 * metadata service, CGNAT, unique-local IPv6, or any of them inside an IPv6 form) would let a
 * branch admin make it call places no tenant should reach. Only literal addresses can be judged:
 * a public name that resolves to a private address is not seen here (Workers have no DNS lookup).
 */
export interface DestinationPolicy {
  /** local development only: a receiver on this machine (loopback) is allowed, over http too */
  allowLoopback: boolean;
}

/** IPv4 ranges no webhook goes to: [first octets as a number, prefix length]. */
const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT (also Alibaba Cloud's metadata at 100.100.100.200)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

/** Names that are this machine, the local network or a metadata service, whatever they resolve to. */
const BLOCKED_NAMES = [
  /^localhost$/,
  /\.localhost$/,
  /\.local$/,
  /\.internal$/,
  /\.home\.arpa$/,
  /^metadata\.tencentyun\.com$/,
];

function v4ToInt(ip: string): number | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

function v4Blocked(n: number): { loopback: boolean; blocked: boolean } {
  const inRange = ([base, bits]: [string, number]) => {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base)!;
    return n >= start && n < start + size;
  };
  return { loopback: inRange(["127.0.0.0", 8]), blocked: BLOCKED_V4.some(inRange) };
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (no brackets). */
function v6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const n = v4ToInt(tail[1]!);
    if (n === null) return null;
    text = `${text.slice(0, -tail[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) => (s ? s.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<number>(Math.max(0, fill)).fill(0), ...rest];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

function v6Blocked(g: number[]): { loopback: boolean; blocked: boolean } {
  const embedded = (hi: number, lo: number) => v4Blocked(hi * 65536 + lo);
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(7) && g[7] === 1) return { loopback: true, blocked: true }; // ::1
  if (zeros(8)) return { loopback: false, blocked: true }; // ::
  // IPv4-mapped ::ffff:a.b.c.d and the old IPv4-compatible ::a.b.c.d carry an IPv4 address
  if (zeros(5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!);
  if (zeros(6)) return embedded(g[6]!, g[7]!);
  // NAT64 64:ff9b::/96 reaches the IPv4 address it carries; its local-use /48 is private
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return { loopback: false, blocked: true };
  // 6to4 2002:aabb:ccdd::/48 carries a.b.c.d
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!);
  const first = g[0]!;
  const blocked =
    (first & 0xfe00) === 0xfc00 || // unique-local fc00::/7 (and the fd00:ec2::254 metadata)
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && g[1] === 0) || // Teredo 2001::/32 carries an obscured IPv4 address
    (first === 0x2001 && g[1] === 0xdb8) || // documentation
    (first === 0x100 && g.slice(1, 4).every((x) => x === 0)); // discard-only 100::/64
  return { loopback: false, blocked };
}

/** What a URL's host is: loopback, another blocked place, or (as far as can be told) public. */
export function classifyHost(hostname: string): "loopback" | "blocked" | "public" {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) {
    const groups = v6Groups(host.slice(1, -1));
    if (!groups) return "blocked";
    const v = v6Blocked(groups);
    return v.loopback ? "loopback" : v.blocked ? "blocked" : "public";
  }
  const n = v4ToInt(host);
  if (n !== null) {
    const v = v4Blocked(n);
    return v.loopback ? "loopback" : v.blocked ? "blocked" : "public";
  }
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  // a name without a dot is looked up in the platform's own search domains
  if (!host.includes(".") || BLOCKED_NAMES.some((re) => re.test(host))) return "blocked";
  return "public";
}

const refused = (url: string, why: { zh: string; en: string }) =>
  failure("webhook_destination_refused", why, { url: url.slice(0, 200) });

/** A webhook URL must be https to a public host, without credentials in it. */
export function checkWebhookUrl(url: string, policy: DestinationPolicy): RuleFailure[] {
  let u: InstanceType<typeof URL>;
  try {
    u = new URL(url);
  } catch {
    return [refused(url, { zh: "地址格式无效", en: "Not a valid URL" })];
  }
  if (u.username || u.password) {
    return [refused(url, { zh: "地址中不能包含用户名或密码", en: "A URL must not carry credentials" })];
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    return [refused(url, { zh: "只能使用 https 地址", en: "Only https URLs are accepted" })];
  }
  const kind = classifyHost(u.hostname);
  if (kind === "loopback" && policy.allowLoopback) return [];
  if (kind !== "public") {
    return [
      refused(url, {
        zh: "不能推送到本机、内网、链路本地或云元数据地址",
        en: "Webhooks cannot go to loopback, private, link-local or cloud metadata addresses",
      }),
    ];
  }
  if (u.protocol !== "https:") {
    return [refused(url, { zh: "只能使用 https 地址", en: "Only https URLs are accepted" })];
  }
  return [];
}
