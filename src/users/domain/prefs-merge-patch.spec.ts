import { ArgumentInvalidError } from '@libs/http';
import { PREFS_MAX_LENGTH } from '@libs/http/params';
import { mergePrefsPatch } from './prefs-merge-patch';

function refusal(run: () => unknown): ArgumentInvalidError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArgumentInvalidError) return error;
    throw error;
  }
  throw new Error('no refusal');
}

describe('mergePrefsPatch (RFC 7396)', () => {
  it('merges nested objects, deletes keys set to null and replaces arrays and scalars', () => {
    const current = {
      theme: 'dark',
      lang: 'en',
      ui: { density: 'compact', panels: { left: true } },
      tags: [1, 2],
    };
    const patch = { lang: null, ui: { panels: { right: false }, density: null }, tags: [3], extra: { a: 1 } };
    expect(mergePrefsPatch(current, patch)).toEqual({
      theme: 'dark',
      ui: { panels: { left: true, right: false } },
      tags: [3],
      extra: { a: 1 },
    });
  });

  it('passes the examples of RFC 7396 appendix A that apply to an object document', () => {
    expect(mergePrefsPatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePrefsPatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePrefsPatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePrefsPatch({ a: 'b', b: 'c' }, { a: null })).toEqual({ b: 'c' });
    expect(mergePrefsPatch({ a: ['b'] }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePrefsPatch({ a: 'c' }, { a: ['b'] })).toEqual({ a: ['b'] });
    expect(mergePrefsPatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePrefsPatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePrefsPatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePrefsPatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });

  it('leaves the current prefs untouched and returns plain objects', () => {
    const current = { ui: { a: 1 } };
    const merged = mergePrefsPatch(current, { ui: { b: 2 }, fresh: { c: 3 } });
    expect(current).toEqual({ ui: { a: 1 } });
    expect(Object.getPrototypeOf(merged.fresh)).toBe(Object.prototype);
  });

  it('refuses a patch that is not an object', () => {
    for (const patch of [null, [], [1], 'x', 1, true, undefined]) {
      expect(refusal(() => mergePrefsPatch({ a: 1 }, patch)).message).toBe(
        'Invalid merge patch: the body must be a JSON object.',
      );
    }
  });

  it('refuses a result over the prefs limit, even when the patch alone is small', () => {
    const current = { big: 'x'.repeat(PREFS_MAX_LENGTH - 20) };
    expect(mergePrefsPatch(current, { s: 1 })).toHaveProperty('s', 1);
    expect(refusal(() => mergePrefsPatch(current, { more: 'y'.repeat(30) })).message).toMatch(
      /^Invalid merge patch: the resulting prefs must be a JSON object of at most 65535 characters/,
    );
    // Deleting makes room again.
    expect(mergePrefsPatch(current, { big: null, more: 'y'.repeat(30) })).toEqual({ more: 'y'.repeat(30) });
  });

  it('refuses a result PHP would read as a list, as the replace path does', () => {
    expect(() => mergePrefsPatch({}, { 0: 'a', 1: 'b' })).toThrow(ArgumentInvalidError);
  });

  it('treats keys named like Object.prototype members as plain keys, and pollutes nothing', () => {
    const current = { hasOwnProperty: 1, constructor: 'c' };
    expect(
      mergePrefsPatch(current, { hasOwnProperty: null, toString: { a: 1 }, constructor: { b: 2 } }),
    ).toEqual({
      toString: { a: 1 },
      constructor: { b: 2 },
    });
    expect(() => mergePrefsPatch({}, JSON.parse('{"a": {"__proto__": {"polluted": true}}}'))).toThrow(
      ArgumentInvalidError,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
