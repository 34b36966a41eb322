/**
 * Compares `X-Appwrite-Response-Format` with a threshold: older SDKs ask for older models and Appwrite
 * removes the fields they do not know (API.md §1.5). An absent or malformed header means the newest format.
 */
export function isFormatBelow(header: unknown, threshold: string): boolean {
  if (typeof header !== 'string' || !/^\d+(\.\d+){0,2}$/.test(header)) return false;
  const a = header.split('.').map(Number);
  const b = threshold.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
