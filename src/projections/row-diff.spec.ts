import type { ReadTable } from './read-model';
import { diffRows, formatDifference, showValue } from './row-diff';

const users: ReadTable = {
  name: 'users',
  key: ['sequence'],
  ignore: [{ column: 'accessed_at', why: 'not from events' }],
};
const tokens: ReadTable = { name: 'user_search_tokens', key: ['token', 'user_sequence', 'field'] };
const at = new Date('2026-01-02T03:04:05.678Z');
const row = { sequence: 12, name: 'Ann', email: null, status: 1, updated_at: at, accessed_at: null };
const columns = Object.keys(row);

describe('diffRows', () => {
  it('finds nothing between equal rows', () => {
    expect(diffRows(users, columns, row, { ...row, updated_at: new Date(at.getTime()) })).toEqual([]);
  });

  it('names the table, the key and each differing column with both values', () => {
    expect(diffRows(users, columns, { ...row, name: 'ANN', email: 'a@x' }, row)).toEqual([
      { table: 'users', key: 'sequence=12', column: 'name', live: '"ANN"', rebuilt: '"Ann"' },
      { table: 'users', key: 'sequence=12', column: 'email', live: '"a@x"', rebuilt: 'NULL' },
    ]);
  });

  it('tells a change of case, of trailing spaces, of a millisecond and NULL from the empty string', () => {
    const changed = (change: Record<string, unknown>) =>
      diffRows(users, columns, { ...row, ...change }, row).map((d) => d.column);
    expect(changed({ name: 'ann' })).toEqual(['name']);
    expect(changed({ name: 'Ann ' })).toEqual(['name']);
    expect(changed({ updated_at: new Date(at.getTime() + 1) })).toEqual(['updated_at']);
    expect(diffRows(users, columns, { ...row, email: '' }, row).map((d) => [d.live, d.rebuilt])).toEqual([
      ['""', 'NULL'],
    ]);
  });

  it('never compares an ignored column', () => {
    expect(diffRows(users, columns, { ...row, accessed_at: at }, row)).toEqual([]);
  });

  it('reports a row on one side only, with its whole key', () => {
    const token = { token: 'ann', user_sequence: 12, field: 1 };
    const key = 'token="ann", user_sequence=12, field=1';
    expect(diffRows(tokens, ['token', 'user_sequence', 'field'], token, undefined)).toEqual([
      { table: 'user_search_tokens', key, column: '*', live: 'row', rebuilt: '(no row)' },
    ]);
    expect(diffRows(tokens, ['token', 'user_sequence', 'field'], undefined, token)).toEqual([
      { table: 'user_search_tokens', key, column: '*', live: '(no row)', rebuilt: 'row' },
    ]);
  });
});

describe('formatDifference', () => {
  it('writes one readable line per difference', () => {
    const [cell] = diffRows(users, columns, { ...row, name: 'ANN' }, row);
    expect(formatDifference(cell)).toBe('users sequence=12 name: live "ANN" | rebuilt "Ann"');
    const [missing] = diffRows(users, columns, row, undefined);
    expect(formatDifference(missing)).toBe(
      'users sequence=12: only in the live table (the events do not produce it)',
    );
    const [extra] = diffRows(users, columns, undefined, row);
    expect(formatDifference(extra)).toBe(
      'users sequence=12: only in the rebuilt table (missing from the live table)',
    );
  });

  it('cuts long values', () => {
    const [cell] = diffRows(users, columns, { ...row, name: 'x'.repeat(500) }, row);
    expect(formatDifference(cell)).toMatch(/live "x{119}… \(502 chars\) \| rebuilt "Ann"$/);
  });
});

describe('showValue', () => {
  it('writes dates in ISO, bytes in hex, strings quoted', () => {
    expect([showValue(at), showValue(Buffer.from([1, 255])), showValue('a"b'), showValue(3)]).toEqual([
      '2026-01-02T03:04:05.678Z',
      '0x01ff',
      '"a\\"b"',
      '3',
    ]);
  });
});
