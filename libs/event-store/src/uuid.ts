import { randomBytes } from 'node:crypto';

/**
 * RFC 9562 UUID v7: time-ordered, so event ids sort roughly by creation and index well.
 * Hand-written because it is six lines; the `uuid` package is ESM-only in its current major.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
