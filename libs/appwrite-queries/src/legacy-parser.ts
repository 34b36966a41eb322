import { unparsableQuery } from './errors';
import { KNOWN_METHODS, NESTING_METHODS } from './methods';

// Arrays inside a legacy query are flat lists of values; one level of nesting is already unusual.
const MAX_ARRAY_DEPTH = 3;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
// Methods whose parameters are all values; every other method takes the attribute first.
const VALUE_ONLY_METHODS = new Set([
  'limit',
  'offset',
  'cursorAfter',
  'cursorBefore',
  'select',
  'orderRandom',
]);

/** The raw pieces of a legacy query; `parser.ts` validates them like a JSON query. */
export interface LegacyQuery {
  method: string;
  attribute?: string;
  values: unknown[];
}

/**
 * Parses the pre-1.5 string form `method(param, …)`: strings in `"…"` or `'…'` with backslash escapes,
 * arrays in `[…]`, bare `true`/`false`/`null` and numbers. For filter and order methods the first
 * parameter is the attribute and the rest are the values (a single array parameter is the value list).
 * The old dotted form `name.equal(…)` and the logical methods (which did not exist then) are refused.
 */
export function parseLegacyQuery(text: string): LegacyQuery {
  const source = text.trim();
  const open = source.indexOf('(');
  if (open < 0) throw unparsableQuery('Expected method(parameters)');
  const method = source.slice(0, open).trim();
  if (method.includes('.')) {
    throw unparsableQuery(
      'The dotted syntax attribute.method(…) is no longer supported; use method("attribute", […])',
    );
  }
  if (!KNOWN_METHODS.has(method)) throw unparsableQuery(`Invalid query method: ${method}`);
  if (NESTING_METHODS.has(method)) {
    throw unparsableQuery(`${method} queries are only supported in the JSON syntax`);
  }
  const scanner = new Scanner(source, open + 1);
  const params = scanner.list(')', 0);
  scanner.expectEnd();
  const single = (list: unknown[]): unknown[] =>
    list.length === 1 && Array.isArray(list[0]) ? (list[0] as unknown[]) : list;
  if (VALUE_ONLY_METHODS.has(method)) return { method, values: single(params) };
  if (params.length === 0) return { method, values: [] };
  const [attribute, ...rest] = params;
  if (typeof attribute !== 'string') {
    throw unparsableQuery('The first parameter must be the attribute name, in quotes');
  }
  return { method, attribute, values: single(rest) };
}

/** A cursor over the parameter list; every method either consumes input or throws. */
class Scanner {
  constructor(
    private readonly source: string,
    private pos: number,
  ) {}

  list(close: ')' | ']', depth: number): unknown[] {
    const items: unknown[] = [];
    this.skipSpace();
    if (this.source[this.pos] === close) {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      const char = this.source[this.pos];
      this.pos++;
      if (char === close) return items;
      if (char !== ',') throw this.error(`Expected "," or "${close}"`, this.pos - 1);
    }
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.pos < this.source.length) throw this.error('Unexpected characters after the closing ")"');
  }

  private value(depth: number): unknown {
    this.skipSpace();
    const char = this.source[this.pos];
    if (char === '"' || char === "'") return this.string(char);
    if (char === '[') {
      if (depth >= MAX_ARRAY_DEPTH) throw this.error('Arrays are nested too deeply');
      this.pos++;
      return this.list(']', depth + 1);
    }
    const start = this.pos;
    while (this.pos < this.source.length && !/[\s,\])[('"]/.test(this.source[this.pos])) this.pos++;
    const token = this.source.slice(start, this.pos);
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (NUMBER.test(token)) return Number(token);
    throw this.error(
      token === '' ? 'Expected a value' : 'Expected a quoted string, array, number, true, false or null',
      start,
    );
  }

  private string(quote: string): string {
    let result = '';
    for (let i = this.pos + 1; i < this.source.length; i++) {
      const char = this.source[i];
      if (char === quote) {
        this.pos = i + 1;
        return result;
      }
      // A backslash makes the next character literal, whatever it is.
      if (char === '\\') i++;
      if (i < this.source.length) result += this.source[i];
    }
    throw this.error('Unterminated string');
  }

  private skipSpace(): void {
    while (this.pos < this.source.length && /\s/.test(this.source[this.pos])) this.pos++;
  }

  private error(reason: string, at = this.pos): Error {
    return unparsableQuery(`${reason} at position ${at}`);
  }
}
