import { usersSchema } from '../test/users-schema';
import { compileQueries } from './compiler';
import { parseQueries } from './parser';
import { Query } from './types';

const where = (...queries: (string | Query)[]) =>
  compileQueries(
    queries.map((q) => (typeof q === 'string' ? parseQueries([q])[0] : q)),
    usersSchema,
  ).where;
const q = (method: string, attribute: string, values: unknown[] = []): Query => ({
  method,
  attribute,
  values,
});
const LIKE = "LIKE ? ESCAPE '\\\\'";

describe('compileQueries: filters', () => {
  it('has an empty where without filters', () => {
    expect(where()).toEqual({ sql: '', params: [] });
    expect(where('limit(5)', 'orderAsc("name")')).toEqual({ sql: '', params: [] });
  });

  it.each<[Query, string, unknown[]]>([
    [q('equal', 'name', ['a']), 'u.name = ?', ['a']],
    [q('equal', 'name', ['a', 'b', 'c']), 'u.name IN (?, ?, ?)', ['a', 'b', 'c']],
    [q('notEqual', 'email', ['a@b.c']), 'u.email != ?', ['a@b.c']],
    [q('lessThan', 'logins', [5]), 'u.logins < ?', [5]],
    [q('lessThanEqual', '$sequence', ['12']), 'u.sequence <= ?', [12]],
    [
      q('greaterThan', '$createdAt', ['2025-01-01T10:00:00.000+00:00']),
      'u.created_at > ?',
      ['2025-01-01 10:00:00.000'],
    ],
    [
      q('greaterThanEqual', 'registration', ['2025-01-01']),
      'u.registration >= ?',
      ['2025-01-01 00:00:00.000'],
    ],
    [q('isNull', 'email'), 'u.email IS NULL', []],
    [q('isNotNull', 'email', ['ignored']), 'u.email IS NOT NULL', []],
    [q('isNull', 'roles'), 'u.roles IS NULL', []],
    [q('between', 'logins', [1, 9]), 'u.logins BETWEEN ? AND ?', [1, 9]],
    [q('notBetween', 'name', ['a', 'm']), 'u.name NOT BETWEEN ? AND ?', ['a', 'm']],
    [q('startsWith', 'name', ['ab']), `u.name ${LIKE}`, ['ab%']],
    [q('notStartsWith', 'name', ['ab']), `u.name NOT ${LIKE}`, ['ab%']],
    [q('endsWith', 'email', ['@x.io']), `u.email ${LIKE}`, ['%@x.io']],
    [q('notEndsWith', 'email', ['@x.io']), `u.email NOT ${LIKE}`, ['%@x.io']],
    [q('contains', 'name', ['ob']), `u.name ${LIKE}`, ['%ob%']],
    [q('contains', 'name', ['a', 'b']), `(u.name ${LIKE} OR u.name ${LIKE})`, ['%a%', '%b%']],
    [q('containsAny', 'name', ['a', 'b']), `(u.name ${LIKE} OR u.name ${LIKE})`, ['%a%', '%b%']],
    [q('containsAll', 'name', ['a', 'b']), `(u.name ${LIKE} AND u.name ${LIKE})`, ['%a%', '%b%']],
    [q('notContains', 'name', ['a', 'b']), `(u.name NOT ${LIKE} AND u.name NOT ${LIKE})`, ['%a%', '%b%']],
    [q('contains', 'roles', ['owner', 'dev']), 'JSON_OVERLAPS(u.roles, ?)', ['["owner","dev"]']],
    [q('containsAny', 'roles', ['owner']), 'JSON_OVERLAPS(u.roles, ?)', ['["owner"]']],
    [q('containsAll', 'roles', ['owner', 'dev']), 'JSON_CONTAINS(u.roles, ?)', ['["owner","dev"]']],
    [q('notContains', 'roles', ['owner']), 'NOT JSON_OVERLAPS(u.roles, ?)', ['["owner"]']],
    [q('equal', 'status', [true]), 'u.status = ?', [1]],
    [q('equal', 'status', [true, false]), 'u.status IN (?, ?)', [1, 0]],
    [q('search', 'name', ['bob']), '(MATCH (u.search) AGAINST (? IN BOOLEAN MODE))', ['bob']],
    [q('notSearch', 'name', ['bob']), 'NOT (MATCH (u.search) AGAINST (? IN BOOLEAN MODE))', ['bob']],
  ])('compiles %j', (query, sql, params) => {
    expect(where(query)).toEqual({ sql, params });
  });

  it('uses the custom contains SQL of side-table attributes, parenthesised', () => {
    const sub = 'SELECT COUNT(DISTINCT l.label) FROM user_labels l WHERE l.user_id = u.id AND l.label IN';
    expect(where(q('contains', 'labels', ['a', 'b']))).toEqual({
      sql: `((${sub} (?, ?)) > 0)`,
      params: ['a', 'b'],
    });
    expect(where(q('containsAll', 'labels', ['a', 'a']))).toEqual({
      sql: `((${sub} (?, ?)) = ?)`,
      params: ['a', 'a', 1],
    });
    expect(where(q('notContains', 'labels', ['a']))).toEqual({ sql: `((${sub} (?)) = 0)`, params: ['a'] });
  });

  it('escapes LIKE wildcards and backslashes', () => {
    expect(where(q('startsWith', 'name', ['50%_off\\']))).toEqual({
      sql: `u.name ${LIKE}`,
      params: ['50\\%\\_off\\\\%'],
    });
  });

  it('ANDs top-level filters in the given order', () => {
    expect(where('equal("name", "a")', 'limit(1)', 'isNull("email")', 'greaterThan("logins", 2)')).toEqual({
      sql: 'u.name = ? AND u.email IS NULL AND u.logins > ?',
      params: ['a', 2],
    });
  });

  it('compiles and/or recursively and parenthesises them', () => {
    const query = {
      method: 'or',
      values: [
        { method: 'and', values: [q('equal', 'name', ['a']), q('equal', 'status', [false])] },
        JSON.stringify(q('contains', 'name', ['x', 'y'])),
      ],
    };
    expect(where(query, q('isNotNull', 'email'))).toEqual({
      sql: `((u.name = ? AND u.status = ?) OR (u.name ${LIKE} OR u.name ${LIKE})) AND u.email IS NOT NULL`,
      params: ['a', 0, '%x%', '%y%'],
    });
  });
});
