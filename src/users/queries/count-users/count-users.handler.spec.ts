import { QueryInvalidError } from '@libs/http';
import { countUsersSql } from './count-users.handler';

describe('countUsersSql', () => {
  it('counts every user without filters', () => {
    expect(countUsersSql([], undefined)).toEqual({
      sql: 'SELECT COUNT(*) AS total FROM users u',
      params: [],
    });
  });

  it("counts the list's filters exactly (no LIMIT) and ignores paging and order queries", () => {
    const count = countUsersSql(
      [
        '{"method":"equal","attribute":"status","values":[false]}',
        'limit(1)',
        'offset(2)',
        'cursorAfter("x")',
        'orderDesc("name")',
      ],
      undefined,
    );
    expect(count.sql).toBe('SELECT COUNT(*) AS total FROM users u WHERE (u.status = ?)');
    expect(count.params).toEqual([0]);
  });

  it('drives a search from the token index without a cap', () => {
    const count = countUsersSql(['equal("emailVerification", [true])'], 'ada love');
    expect(count.sql).not.toMatch(/LIMIT/);
    expect(count.sql).toMatch(
      /^SELECT COUNT\(DISTINCT u.sequence\) AS total FROM user_search_tokens t STRAIGHT_JOIN users u /,
    );
    expect(count.params).toEqual(['ada%', 'love%', 1]);
  });

  it('counts one word straight from the token index', () => {
    expect(countUsersSql([], 'ada')).toEqual({
      sql: expect.stringMatching(
        /^SELECT COUNT\(DISTINCT t.user_sequence\) AS total FROM user_search_tokens t WHERE /,
      ),
      params: ['ada%'],
    });
  });

  it('matches nothing for a search without words, as the list does', () => {
    expect(countUsersSql([], '   ').sql).toBe('SELECT COUNT(*) AS total FROM users u WHERE (1 = 0)');
  });

  it('refuses what the list refuses', () => {
    expect(() => countUsersSql(['nonsense('], undefined)).toThrow(QueryInvalidError);
  });
});
