import { hashedPassword, password, passwordOrEmpty } from './password';

const DEFAULT_DESCRIPTION = 'Password must be between 8 and 256 characters long.';
const DICTIONARY_DESCRIPTION =
  'Password must be between 8 and 265 characters long, and should not be one of the commonly used password.';

// Byte lengths are what count: é is 2 bytes, 😀 is 4.
const lengthCases: [string, string, boolean][] = [
  ['7 ASCII bytes', 'a'.repeat(7), false],
  ['8 ASCII bytes', 'a'.repeat(8), true],
  ['256 ASCII bytes', 'a'.repeat(256), true],
  ['257 ASCII bytes', 'a'.repeat(257), false],
  ['4 two-byte chars (8 bytes)', 'é'.repeat(4), true],
  ['3 two-byte chars + 1 (7 bytes, 4 chars)', `${'é'.repeat(3)}a`, false],
  ['64 emoji (256 bytes)', '😀'.repeat(64), true],
  ['128 two-byte chars + 1 (257 bytes, 129 chars)', `${'é'.repeat(128)}a`, false],
  ['spaces count', ' '.repeat(8), true],
];

describe('password', () => {
  const validator = password();

  it.each(lengthCases)('%s', (_label, value, valid) => {
    expect(validator.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });

  it.each<unknown>(['', null, 12345678, ['password']])('rejects %p', (value) => {
    expect(validator.parse(value).ok).toBe(false);
  });

  it("has Appwrite's PasswordStrength description", () => {
    expect(validator.description).toBe(DEFAULT_DESCRIPTION);
    expect(password(12).description).toBe('Password must be between 12 and 256 characters long.');
  });

  it('applies a raised minimum', () => {
    expect(password(12).parse('a'.repeat(11)).ok).toBe(false);
    expect(password(12).parse('a'.repeat(12)).ok).toBe(true);
  });

  it('still needs 8 bytes under a lower minimum, reported with the dictionary text (AllOf)', () => {
    expect(password(6).parse('abcdefg')).toEqual({ ok: false, description: DICTIONARY_DESCRIPTION });
    expect(password(6).parse('abcde')).toEqual({ ok: false });
  });

  it('applies character-class rules and lists them in the description', () => {
    const strict = password({ min: 8, uppercase: true, lowercase: true, number: true, symbols: true });
    expect(strict.description).toBe(
      'Password must be between 8 and 256 characters long, include an uppercase letter, include a lowercase letter, include a number, include a special character.',
    );
    expect(strict.parse('Abcdefg1!').ok).toBe(true);
    expect(strict.parse('abcdefg1!').ok).toBe(false);
    expect(strict.parse('ABCDEFG1!').ok).toBe(false);
    expect(strict.parse('Abcdefgh!').ok).toBe(false);
    expect(strict.parse('Abcdefgh1').ok).toBe(false);
    // Letters and digits of any script are not symbols; punctuation of any script is.
    expect(strict.parse('Abcdefg1é').ok).toBe(false);
    expect(strict.parse('Abcdefg1¿').ok).toBe(true);
  });

  it('rejects dictionary words with the dictionary description', () => {
    const withDictionary = password({ dictionary: new Set(['password']) });
    expect(withDictionary.parse('password')).toEqual({ ok: false, description: DICTIONARY_DESCRIPTION });
    expect(withDictionary.parse('password1')).toEqual({ ok: true, value: 'password1' });
  });
});

describe('passwordOrEmpty', () => {
  it('accepts "" and otherwise behaves like password()', () => {
    const validator = passwordOrEmpty();
    expect(validator.parse('')).toEqual({ ok: true, value: '' });
    for (const [, value, valid] of lengthCases) expect(validator.parse(value).ok).toBe(valid);
    expect(validator.parse(null).ok).toBe(false);
    expect(validator.description).toBe(DEFAULT_DESCRIPTION);
  });
});

describe('hashedPassword', () => {
  it.each(lengthCases)('%s', (_label, value, valid) => {
    expect(hashedPassword.parse(value).ok).toBe(valid);
  });

  it('accepts any hash-looking string and rejects non-strings and ""', () => {
    const bcrypt = '$2y$08$GEzJyL5SvfBJYzBDYdIJSOprJkfpEl9Ml3JXzAW7SHOqQ7cATC0L2';
    expect(hashedPassword.parse(bcrypt)).toEqual({ ok: true, value: bcrypt });
    expect(hashedPassword.parse('').ok).toBe(false);
    expect(hashedPassword.parse(undefined).ok).toBe(false);
    expect(hashedPassword.description).toBe(DEFAULT_DESCRIPTION);
  });
});
