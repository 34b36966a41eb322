import { base64, mbLength, searchText, text } from './text';

describe('mbLength', () => {
  it.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['😀', 1],
    ['👍🏽', 2],
    ['\uD800', 1],
  ])('%p has %p code points', (value, length) => {
    expect(mbLength(value)).toBe(length);
  });
});

describe('text', () => {
  const name = text(128);

  it.each<[string, unknown, boolean]>([
    ['1 char', 'a', true],
    ['128 chars', 'a'.repeat(128), true],
    ['129 chars', 'a'.repeat(129), false],
    ['128 emoji (256 UTF-16 units)', '😀'.repeat(128), true],
    ['129 emoji', '😀'.repeat(129), false],
    ['only spaces (kept, not trimmed)', '   ', true],
    ['empty', '', false],
    ['a number', 5, false],
    ['null', null, false],
    ['an array', ['a'], false],
  ])('Text(128): %s', (_label, value, valid) => {
    expect(name.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });

  it('Text(128, 0) accepts the empty string', () => {
    expect(text(128, 0).parse('')).toEqual({ ok: true, value: '' });
    expect(text(128, 0).parse('a'.repeat(129)).ok).toBe(false);
  });

  it("uses Appwrite's Text descriptions", () => {
    expect(name.description).toBe(
      'Value must be a valid string and at least 1 chars and no longer than 128 chars',
    );
    expect(text(128, 0).description).toBe('Value must be a valid string and no longer than 128 chars');
    expect(text(5, 5).description).toBe('Value must be a valid string and exactly 5 chars');
  });

  it('treats max 0 as unbounded', () => {
    expect(text(0).parse('a'.repeat(10_000)).ok).toBe(true);
  });
});

describe('searchText', () => {
  it('is Text(256)', () => {
    expect(searchText.parse('a'.repeat(256)).ok).toBe(true);
    expect(searchText.parse('a'.repeat(257)).ok).toBe(false);
    expect(searchText.parse('').ok).toBe(false);
    expect(searchText.description).toBe(
      'Value must be a valid string and at least 1 chars and no longer than 256 chars',
    );
  });
});

describe('base64', () => {
  it.each<[unknown, boolean]>([
    ['c2FsdA==', true],
    ['Bw==', true],
    ['abc+/9', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['a=b', false],
    ['abc===', false],
    ['c2Fs dA==', false],
    ['c2FsdA-_', false],
    [null, false],
  ])('%p → %p', (value, valid) => {
    expect(base64.parse(value).ok).toBe(valid);
  });

  it('reports the Text description for length/type and its own for the shape', () => {
    expect(base64.parse('')).toEqual({ ok: false });
    expect(base64.parse('a=b')).toEqual({ ok: false, description: 'Value must be a valid base64 string' });
    expect(base64.description).toBe(
      'Value must be a valid string and at least 1 chars and no longer than 128 chars',
    );
  });
});
