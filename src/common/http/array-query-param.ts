/**
 * Collects `name[0]=…&name[1]=…` (what the SDKs send), `name[]=…` and plain `name=…` from a parsed query
 * string into one array, in index order. Fastify's parser keeps the brackets in the key names.
 */
export function arrayQueryParam(query: unknown, name: string): string[] | undefined {
  if (typeof query !== 'object' || query === null) return undefined;
  const indexed: Array<[number, unknown]> = [];
  let found = false;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (key === name || key === `${name}[]`) {
      found = true;
      for (const v of Array.isArray(value) ? value : [value]) indexed.push([Number.MAX_SAFE_INTEGER, v]);
      continue;
    }
    const match = /^(.+)\[(\d{1,6})\]$/.exec(key);
    if (match && match[1] === name) {
      found = true;
      for (const v of Array.isArray(value) ? value : [value]) indexed.push([Number(match[2]), v]);
    }
  }
  if (!found) return undefined;
  return indexed.sort((a, b) => a[0] - b[0]).map(([, v]) => String(v));
}
