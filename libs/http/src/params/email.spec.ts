import { email, emailOrEmpty, isPhpValidEmail } from './email';

const label63 = 'b'.repeat(63);

describe('email', () => {
  it.each<[string, unknown, string]>([
    ['a plain address', 'user@example.com', 'user@example.com'],
    ['upper case (lower-cased)', 'User@Example.COM', 'user@example.com'],
    ['surrounding spaces (PHP-trimmed)', '  user@example.com  ', 'user@example.com'],
    ['tabs, newlines, NUL and VT (PHP-trimmed)', '\t\n\0\x0Buser@example.com\r\n', 'user@example.com'],
    ['dotted local part', 'first.last@example.co.uk', 'first.last@example.co.uk'],
    ['plus tag', 'user+tag@example.com', 'user+tag@example.com'],
    ['every atom special char', "!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com"],
    ['quoted local part', '"quoted"@example.com', '"quoted"@example.com'],
    ['escaped space inside quotes', '"a\\ b"@example.com', '"a\\ b"@example.com'],
    ['one-letter TLD', 'a@b.c', 'a@b.c'],
    ['hyphens inside labels', 'a@b--c-d.com', 'a@b--c-d.com'],
    ['punycode domain', 'user@xn--80ak6aa92e.com', 'user@xn--80ak6aa92e.com'],
    ['punycode TLD', 'user@example.xn--p1ai', 'user@example.xn--p1ai'],
    ['IPv4 literal', 'user@[127.0.0.1]', 'user@[127.0.0.1]'],
    ['IPv6 literal', 'user@[IPv6:2001:db8::1]', 'user@[ipv6:2001:db8::1]'],
    ['64-char local part', `${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
    ['63-char label', `a@${label63}.com`, `a@${label63}.com`],
    ['Kelvin sign lower-cases to ASCII k (mb_strtolower)', '\u212Aa@example.com', 'ka@example.com'],
  ])('accepts %s', (_label, value, expected) => {
    expect(email.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown]>([
    ['two @', 'a@@example.com'],
    ['@ in both halves', 'a@b@example.com'],
    ['@ inside a quoted local part (split on every @)', '"a@b"@example.com'],
    ['no @', 'user.example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'user@'],
    ['local part "0" (empty to PHP)', '0@example.com'],
    ['trailing dot', 'user@example.com.'],
    ['leading dot in domain', 'user@.example.com'],
    ['double dot in domain', 'user@example..com'],
    ['leading dot in local part', '.user@example.com'],
    ['trailing dot in local part', 'user.@example.com'],
    ['double dot in local part', 'us..er@example.com'],
    ['dotless domain', 'user@localhost'],
    ['label starting with a hyphen', 'user@-example.com'],
    ['label ending with a hyphen', 'user@example-.com'],
    ['numeric TLD', 'user@example.123'],
    ['all-numeric host', 'user@1.2.3.4'],
    ['unicode local part', 'usér@example.com'],
    ['unicode domain', 'user@exämple.com'],
    ['space in local part', 'user name@example.com'],
    ['space in domain', 'user@exa mple.com'],
    ['unescaped space inside quotes', '"a b"@example.com'],
    ['comma', 'a,b@example.com'],
    ['brackets in local part', 'a[b]@example.com'],
    ['non-breaking space (not PHP-trimmed)', '\u00A0user@example.com'],
    ['65-char local part', `${'a'.repeat(65)}@example.com`],
    ['64-char label', `a@${'b'.repeat(64)}.com`],
    ['bad IPv4 literal', 'user@[256.0.0.1]'],
    ['321 chars', `${'a'.repeat(64)}@${`${label63}.`.repeat(4)}${'c'.repeat(256 - 64 - 1)}`.slice(0, 321)],
    ['only spaces', '   '],
    ['empty string', ''],
    ['a number', 42],
    ['null', null],
    ['an array', ['user@example.com']],
    ['an object', { email: 'user@example.com' }],
  ])('rejects %s', (_label, value) => {
    expect(email.parse(value)).toEqual({ ok: false });
  });

  it('counts at most 254 chars in total (PHP look-ahead (?!…{255,}))', () => {
    // 64 + 1 + 189 = 254
    const domain = `${label63}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    const at254 = `${'a'.repeat(64)}@${domain}`;
    expect(at254).toHaveLength(254);
    expect(email.parse(at254).ok).toBe(true);
    expect(email.parse(`${'a'.repeat(64)}@x${domain}`).ok).toBe(false);
  });

  it('does not count the quotes of a quoted local part toward the 64 limit', () => {
    expect(email.parse(`"${'a'.repeat(64)}"@example.com`).ok).toBe(true);
    expect(email.parse(`"${'a'.repeat(65)}"@example.com`).ok).toBe(false);
  });

  it('stays fast on inputs that make the original PCRE pattern backtrack', () => {
    const start = Date.now();
    expect(isPhpValidEmail(`${'a"'.repeat(150)}@example.com`)).toBe(false);
    expect(isPhpValidEmail(`a@${'a.'.repeat(150)}-`)).toBe(false);
    expect(isPhpValidEmail(`a@${'xn--a.'.repeat(40)}!`)).toBe(false);
    expect(Date.now() - start).toBeLessThan(500);
  });

  it("has Appwrite's description and an email schema", () => {
    expect(email.description).toBe('Value must be a valid email address');
    expect(email.schema).toEqual({ type: 'string', format: 'email', maxLength: 320 });
  });
});

describe('emailOrEmpty', () => {
  it.each<[unknown, unknown]>([
    ['', ''],
    ['User@Example.com', 'user@example.com'],
  ])('accepts %p', (value, expected) => {
    expect(emailOrEmpty.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<unknown>([' ', 'nope', null, 0])('rejects %p (only the exact empty string is "empty")', (value) => {
    expect(emailOrEmpty.parse(value).ok).toBe(false);
  });

  it('keeps the email description', () => {
    expect(emailOrEmpty.description).toBe('Value must be a valid email address');
  });
});
