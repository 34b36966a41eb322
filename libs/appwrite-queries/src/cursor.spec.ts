import { QueryOrderNullError } from '@libs/http';
import { thrown, usersSchema } from '../test/users-schema';
import { compileQueries } from './compiler';
import { cursorCondition, orderByClause } from './cursor';
import { parseQueries } from './parser';

const compile = (...queries: string[]) => compileQueries(parseQueries(queries), usersSchema);

describe('orderByClause', () => {
  it('orders by sequence alone by default', () => {
    expect(orderByClause(compile(), usersSchema, false)).toBe('u.sequence ASC');
    expect(orderByClause(compile(), usersSchema, true)).toBe('u.sequence DESC');
  });

  it('appends the sequence tie-breaker and flips everything when reversed', () => {
    const compiled = compile('orderDesc("$createdAt")', 'orderAsc("name")');
    expect(orderByClause(compiled, usersSchema, false)).toBe('u.created_at DESC, u.name ASC, u.sequence ASC');
    expect(orderByClause(compiled, usersSchema, true)).toBe('u.created_at ASC, u.name DESC, u.sequence DESC');
  });

  it('does not repeat the sequence when it is ordered on explicitly', () => {
    expect(orderByClause(compile('orderDesc("$sequence")'), usersSchema, false)).toBe('u.sequence DESC');
  });
});

describe('cursorCondition', () => {
  it('is empty without a cursor', () => {
    expect(cursorCondition(compile('limit(1)'), {}, usersSchema)).toEqual({ sql: '', params: [] });
  });

  it('pages by sequence when there is no explicit order', () => {
    expect(cursorCondition(compile('cursorAfter("a")'), { $sequence: 7 }, usersSchema)).toEqual({
      sql: '((u.sequence > ?))',
      params: [7],
    });
    expect(cursorCondition(compile('cursorBefore("a")'), { $sequence: '7' }, usersSchema)).toEqual({
      sql: '((u.sequence < ?))',
      params: ['7'],
    });
  });

  it('builds the keyset condition for cursorAfter, NULLs sorting last in DESC', () => {
    const compiled = compile('orderAsc("name")', 'orderDesc("$createdAt")', 'cursorAfter("a")');
    const row = { name: 'bob', $createdAt: '2025-01-01T10:00:00.000+00:00', $sequence: 3 };
    expect(cursorCondition(compiled, row, usersSchema)).toEqual({
      sql:
        '((u.name > ?) OR (u.name = ? AND (u.created_at < ? OR u.created_at IS NULL)) OR ' +
        '(u.name = ? AND u.created_at = ? AND u.sequence > ?))',
      params: ['bob', 'bob', '2025-01-01 10:00:00.000', 'bob', '2025-01-01 10:00:00.000', 3],
    });
  });

  it('builds the mirrored condition for cursorBefore, NULLs sorting first in ASC', () => {
    const compiled = compile('orderAsc("name")', 'orderDesc("status")', 'cursorBefore("a")');
    const row = { name: 'bob', status: true, $sequence: 3 };
    expect(cursorCondition(compiled, row, usersSchema)).toEqual({
      sql:
        '(((u.name < ? OR u.name IS NULL)) OR (u.name = ? AND u.status > ?) OR ' +
        '(u.name = ? AND u.status = ? AND u.sequence < ?))',
      params: ['bob', 'bob', 1, 'bob', 1, 3],
    });
  });

  it('accepts Date values for datetime orders', () => {
    const compiled = compile('orderAsc("registration")', 'cursorAfter("a")');
    const row = { registration: new Date('2024-02-29T23:59:59.123Z'), $sequence: 1 };
    expect(cursorCondition(compiled, row, usersSchema).params[0]).toBe('2024-02-29 23:59:59.123');
  });

  it('throws QueryOrderNullError when an order attribute is null on the cursor row', () => {
    const compiled = compile('orderAsc("email")', 'cursorAfter("a")');
    for (const row of [{ email: null, $sequence: 1 }, { $sequence: 1 }]) {
      const error = thrown(() => cursorCondition(compiled, row, usersSchema));
      expect(error).toBeInstanceOf(QueryOrderNullError);
      expect(error).toMatchObject({ status: 400, type: 'database_query_order_null' });
      expect((error as Error).message).toContain("'email'");
    }
  });

  it('treats a missing $sequence as a programming error', () => {
    expect(() => cursorCondition(compile('cursorAfter("a")'), {}, usersSchema)).toThrow(/no \$sequence/);
  });

  it('never reads inherited properties of the cursor row', () => {
    const compiled = compile('orderAsc("name")', 'cursorAfter("a")');
    const row = Object.assign(Object.create({ name: 'inherited' }) as Record<string, unknown>, {
      $sequence: 1,
    });
    expect(() => cursorCondition(compiled, row, usersSchema)).toThrow(QueryOrderNullError);
  });
});
