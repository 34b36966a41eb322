import ipaddr from 'ipaddr.js';

/**
 * Whether a webhook may be sent to this address: only global unicast. Loopback, private, link-local,
 * carrier-grade NAT, multicast, reserved and the IPv6 forms that embed an IPv4 address (mapped ones are
 * judged by the address they map) are refused, so a webhook cannot reach the service's own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL of a webhook, when it is one: http(s), with a host, no longer than 2048 characters. */
export function parseWebhookUrl(value: string): URL | undefined {
  if (value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The IP literal of a URL's host (brackets of IPv6 removed), or undefined for a name. */
export function hostAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(host) ? host : undefined;
}
