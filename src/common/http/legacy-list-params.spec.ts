import { ArgumentInvalidError } from '@libs/http';
import { legacyPaging, withLegacyPaging } from './legacy-list-params';

const q = (method: string, values?: unknown[], attribute?: string) =>
  JSON.stringify({ method, ...(attribute ? { attribute } : {}), ...(values ? { values } : {}) });
const all = { orderAttribute: '$sequence', cursor: true };

describe('withLegacyPaging (Appwrite 0.x list params)', () => {
  it('returns the queries untouched without 0.x params', () => {
    const queries = [q('limit', [5])];
    expect(withLegacyPaging(queries, { total: 'false', search: 'x' }, all)).toBe(queries);
    expect(withLegacyPaging(queries, { limit: '', cursor: '' }, all)).toBe(queries);
  });

  it('adds limit, offset, cursor and order as queries', () => {
    expect(
      withLegacyPaging(
        [],
        { limit: '2', offset: '1', cursor: 'abc', cursorDirection: 'before', orderType: 'DESC' },
        all,
      ),
    ).toEqual([
      q('limit', [2]),
      q('offset', [1]),
      q('cursorBefore', ['abc']),
      q('orderDesc', undefined, '$sequence'),
    ]);
    expect(withLegacyPaging([], { cursor: 'abc', orderType: 'ASC' }, all)).toEqual([
      q('cursorAfter', ['abc']),
      q('orderAsc', undefined, '$sequence'),
    ]);
  });

  it('lets a query of the same kind win', () => {
    const queries = [
      q('limit', [5]),
      q('offset', [0]),
      q('cursorAfter', ['x']),
      q('orderAsc', undefined, 'name'),
    ];
    expect(
      withLegacyPaging(queries, { limit: '2', offset: '1', cursor: 'abc', orderType: 'DESC' }, all),
    ).toEqual(queries);
    expect(withLegacyPaging(['limit(5)'], { limit: '2', offset: '3' }, all)).toEqual([
      'limit(5)',
      q('offset', [3]),
    ]);
  });

  it('ignores cursor and orderType where the route has no use for them (logs)', () => {
    expect(withLegacyPaging([], { limit: '2', cursor: 'abc', orderType: 'DESC' })).toEqual([q('limit', [2])]);
  });

  it.each([
    [{ limit: 'ten' }, /^Invalid `limit` param: Value must be a valid range between 1 and 5,000$/],
    [{ limit: '0' }, /^Invalid `limit` param/],
    [{ offset: '-1' }, /^Invalid `offset` param/],
    [{ cursor: '_bad' }, /^Invalid `cursor` param/],
    [{ cursor: 'abc', cursorDirection: 'sideways' }, /^Invalid `cursorDirection` param/],
    [{ orderType: 'asc' }, /^Invalid `orderType` param: Value must be one of \(ASC, DESC\)$/],
  ])('refuses %j as 0.x did', (query, message) => {
    expect(() => withLegacyPaging([], query, all)).toThrow(ArgumentInvalidError);
    expect(() => withLegacyPaging([], query, all)).toThrow(message);
  });
});

describe('legacyPaging', () => {
  it('reads the params, the cursor direction case-insensitively', () => {
    expect(
      legacyPaging({ limit: '3', offset: '4', cursor: 'c1', cursorDirection: 'BEFORE', orderType: 'DESC' }),
    ).toEqual({
      limit: 3,
      offset: 4,
      cursor: { id: 'c1', direction: 'before' },
      orderType: 'DESC',
    });
    expect(legacyPaging({})).toEqual({});
  });
});
