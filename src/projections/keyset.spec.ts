import { keysetAfter } from './keyset';

describe('keysetAfter', () => {
  const column = (name: string) => `a.${name}`;

  it('starts at the beginning without a last row', () => {
    expect(keysetAfter(['id'], undefined, column)).toEqual({ sql: '1 = 1', params: [] });
  });

  it('pages on one column', () => {
    expect(keysetAfter(['sequence'], [12], column)).toEqual({ sql: 'a.sequence > ?', params: [12] });
  });

  it('pages on a composite key in its column order', () => {
    expect(keysetAfter(['token', 'user_sequence', 'field'], ['ann', 12, 1], column)).toEqual({
      sql: '(a.token > ? OR (a.token = ? AND (a.user_sequence > ? OR (a.user_sequence = ? AND a.field > ?))))',
      params: ['ann', 'ann', 12, 12, 1],
    });
  });
});
