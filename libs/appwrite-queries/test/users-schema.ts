import { ArgumentInvalidError, QueryInvalidError } from '@libs/http';
import { QuerySchema } from '../src';

/** A schema shaped like the users route, plus a JSON-array attribute and an integer one. */
export const usersSchema: QuerySchema = {
  attributes: {
    $id: { column: 'u.id', type: 'string' },
    $createdAt: { column: 'u.created_at', type: 'datetime' },
    $updatedAt: { column: 'u.updated_at', type: 'datetime' },
    $sequence: { column: 'u.sequence', type: 'integer' },
    name: {
      column: 'u.name',
      type: 'string',
      search: (text) => ({ sql: 'MATCH (u.search) AGAINST (? IN BOOLEAN MODE)', params: [text] }),
    },
    email: { column: 'u.email', type: 'string' },
    status: { column: 'u.status', type: 'boolean' },
    registration: { column: 'u.registration', type: 'datetime' },
    labels: {
      column: 'u.id',
      type: 'string[]',
      contains: (values, mode) => {
        const list = values.map(() => '?').join(', ');
        const sub = `SELECT COUNT(DISTINCT l.label) FROM user_labels l WHERE l.user_id = u.id AND l.label IN (${list})`;
        if (mode === 'all') return { sql: `(${sub}) = ?`, params: [...values, new Set(values).size] };
        return { sql: `(${sub}) ${mode === 'none' ? '=' : '>'} 0`, params: values };
      },
    },
    roles: { column: 'u.roles', type: 'string[]' },
    logins: { column: 'u.logins', type: 'integer' },
  },
  sequenceColumn: 'u.sequence',
};

/** Runs `fn` and returns what it threw (fails the test if nothing was thrown). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error to be thrown');
}

/** Asserts `fn` throws `ArgumentInvalidError` with the `queries` wrapper around `message`. */
export function expectArgumentInvalid(fn: () => unknown, message: string | RegExp): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(ArgumentInvalidError);
  const text = (error as Error).message;
  if (typeof message === 'string') expect(text).toBe(`Invalid \`queries\` param: ${message}`);
  else expect(text).toMatch(message);
}

/** Asserts `fn` throws `QueryInvalidError` with exactly `message` (or matching it). */
export function expectQueryInvalid(fn: () => unknown, message: string | RegExp): void {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(QueryInvalidError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
}

/** Counts `?` placeholders; the generated SQL contains no other question marks. */
export function placeholders(sql: string): number {
  return (sql.match(/\?/g) ?? []).length;
}
