import ipaddr from 'ipaddr.js';

/**
 * What a client IP is counted as by the login limits: an IPv4 address as itself (also when written as
 * `::ffff:a.b.c.d`), an IPv6 address as its /64. One host or household usually holds a whole /64 and can
 * pick any address in it, so counting single IPv6 addresses would give an attacker 2^64 fresh counters.
 */
export function clientNetwork(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}
