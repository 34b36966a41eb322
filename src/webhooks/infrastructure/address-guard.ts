import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from '../domain/webhook-url.policy';

/** A name resolved only to addresses a webhook may not reach. */
export class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to ${address}: a loopback, private or link-local address`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * A `lookup` for sockets that resolves the name and refuses it when any of its addresses is not public, so
 * the socket connects to exactly the address that was checked (no second resolution a DNS-rebinding server
 * could answer differently). With `allowPrivate` it is plain DNS.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new RefusedAddressError(refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** The first address of `hostname` a webhook may not reach, if any (undefined when it cannot be resolved). */
export async function firstRefusedAddress(hostname: string): Promise<string | undefined> {
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(hostname, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  return addresses.find((a) => !isPublicAddress(a.address))?.address;
}
