import { labels } from './labels';

describe('labels', () => {
  it.each<[string, unknown, string[]]>([
    ['an empty list', [], []],
    ['alphanumeric labels', ['vip', 'Admin2'], ['vip', 'Admin2']],
    ['a 36-char label', ['a'.repeat(36)], ['a'.repeat(36)]],
    ['duplicates (first occurrence kept)', ['b', 'a', 'b', 'c', 'a'], ['b', 'a', 'c']],
    ['labels differing only in case (kept apart)', ['A', 'a'], ['A', 'a']],
    [
      '1000 items',
      Array.from({ length: 1000 }, (_, i) => `l${i}`),
      Array.from({ length: 1000 }, (_, i) => `l${i}`),
    ],
    ['1000 identical items', Array(1000).fill('x'), ['x']],
    ['a JSON object (a PHP array too)', { first: 'vip', second: 'vip' }, ['vip']],
  ])('accepts %s', (_label, value, expected) => {
    expect(labels.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown]>([
    ['a hyphen', ['a-b']],
    ['an underscore', ['a_b']],
    ['a space', ['a b']],
    ['a non-ASCII letter', ['é']],
    ['a 37-char label', ['a'.repeat(37)]],
    ['an empty label', ['']],
    ['a number', [1]],
    ['null inside', [null]],
    ['1001 items', Array.from({ length: 1001 }, (_, i) => `l${i}`)],
    ['1001 identical items (counted before de-duplication)', Array(1001).fill('x')],
    ['a string', 'vip'],
    ['null', null],
  ])('rejects %s', (_label, value) => {
    expect(labels.parse(value)).toEqual({ ok: false });
  });

  it("uses Appwrite's ArrayList(Text) description, typo included", () => {
    expect(labels.description).toBe(
      "Value must a valid array no longer than 1000 items and Value must be a valid string and at least 1 chars and no longer than 36 chars and only consist of '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z' chars",
    );
  });
});
