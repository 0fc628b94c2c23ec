/** Who a request is charged to, for the per-address limits. */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

/**
 * The key one sender's limits are kept under: an IPv4 address as is, an IPv6 address by its /64
 * (one host usually holds a whole /64, so counting single addresses would let it rotate freely).
 */
export function addressKey(address: string | undefined | null): string {
  if (!address) return 'unknown';
  if (IPV4.test(address)) return address;
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:') && IPV4.test(lower.slice(7))) return lower.slice(7);
  const bare = lower.split('%')[0]!;
  const [head = '', tail] = bare.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  if (groups.length < 4 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return bare.slice(0, 64);
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function isLoopback(address: string | undefined | null): boolean {
  if (!address) return false;
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/**
 * Where a tunnel agent on this machine connects from: the loopback address the kernel picks for a
 * connection to 127.0.0.1 or ::1 (`localhost`). Any other 127/8 source must be bound on purpose,
 * which a tunnel agent does not do and a local flood can: it is a sender like any other.
 */
export function isTunnelAgentAddress(address: string | undefined | null): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * The sender as the tunnel saw it: the LAST X-Forwarded-For hop. Anyone can send the header with
 * made-up addresses in it, but a proxy appends the address that connected to it, so the last hop
 * is the one the tunnel wrote and the only one a sender cannot choose. (Charging the first hop
 * would let one sender rotate made-up addresses past every per-address limit.)
 */
export function lastForwardedHop(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const text = Array.isArray(header) ? header.join(',') : header;
  let hop = text.slice(text.lastIndexOf(',') + 1).trim();
  if (hop.startsWith('[')) hop = hop.slice(1, hop.indexOf(']') === -1 ? undefined : hop.indexOf(']'));
  hop = IPV4_WITH_PORT.exec(hop)?.[1] ?? hop;
  return hop === '' ? null : addressKey(hop.slice(0, 64));
}
