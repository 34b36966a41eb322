import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it("keeps a client's short printable id", () => {
    expect(requestIdOf({ headers: { 'x-request-id': 'req-123' } })).toBe('req-123');
    expect(requestIdOf({ headers: { 'x-request-id': 'a.B_c:d-9' } })).toBe('a.B_c:d-9');
    expect(requestIdOf({ headers: { 'x-request-id': 'x'.repeat(128) } })).toBe('x'.repeat(128));
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['empty', ''],
    ['a space', 'a b'],
    ['a line break', 'a\nb'],
    ['a quote', 'a"b'],
    ['non-ASCII', 'héllo'],
    ['a control character', 'a\u0000b'],
  ])('replaces an id with %s by a fresh UUID', (_label, value) => {
    expect(requestIdOf({ headers: { 'x-request-id': value } })).toMatch(UUID);
  });

  it('generates a fresh UUID when there is no header or several', () => {
    const first = requestIdOf({ headers: {} });
    expect(first).toMatch(UUID);
    expect(requestIdOf({ headers: {} })).not.toBe(first);
    expect(requestIdOf({ headers: { 'x-request-id': ['a', 'b'] as unknown as string } })).toMatch(UUID);
  });
});
