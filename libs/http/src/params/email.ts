import { fail, ok, orEmpty, ParamValidator } from './param-validator';

/** Longest address PHP's `FILTER_VALIDATE_EMAIL` looks at (RFC 2821: 320 octets); also the DB column size. */
export const EMAIL_MAX_LENGTH = 320;

// Only the characters PHP's trim() strips; String#trim would also eat NBSP, BOM, form feed etc.
// eslint-disable-next-line no-control-regex -- NUL and VT are exactly what PHP trims
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

// PHP's FILTER_VALIDATE_EMAIL pattern (ext/filter/logical_filters.c, non-Unicode variant, flags /iD) minus
// its two leading length look-aheads, which countUnits() evaluates instead: as regexes they backtrack
// exponentially on inputs full of quotes. Two rewrites keep the host part linear without changing what it
// matches: `(?:label\.){1,126}){1,}` is just `(?:label\.)+`, and the optional `xn--` prefix on a label is
// already covered by `[a-z0-9]+(?:-+[a-z0-9]+)*`, so it is dropped there (it stays on the TLD).
const ATOM = String.raw`[\x21\x23-\x27\x2A\x2B\x2D\x2F-\x39\x3D\x3F\x5E-\x7E]+`;
const QUOTED = String.raw`\x22(?:[\x01-\x08\x0B\x0C\x0E-\x1F\x21\x23-\x5B\x5D-\x7F]|\x5C[\x00-\x7F])*\x22`;
const WORD = `(?:${ATOM}|${QUOTED})`;
const HOST = String.raw`(?!.*[^.]{64,})(?:[a-z0-9]+(?:-+[a-z0-9]+)*\.)+(?:[a-z][a-z0-9]*|xn--[a-z0-9]+)(?:-+[a-z0-9]+)*`;
const IPV4 = String.raw`(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}`;
const IPV6_FULL = String.raw`IPv6:(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){7}|(?!(?:.*[a-f0-9][:\]]){7,})(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){0,5})?::(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){0,5})?)`;
const IPV6_V4 = String.raw`(?:IPv6:(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){5}:|(?!(?:.*[a-f0-9]:){5,})(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){0,3})?::(?:[a-f0-9]{1,4}(?::[a-f0-9]{1,4}){0,3}:)?))?${IPV4}`;
const LITERAL = String.raw`\[(?:${IPV6_FULL}|${IPV6_V4})\]`;
const EMAIL_BODY = new RegExp(`^${WORD}(?:\\.${WORD})*@(?:${HOST}|${LITERAL})$`, 'i');

/**
 * Evaluates PHP's look-aheads `(?!U{255,})` and `(?!U{65,}@)`, where a unit U is one char (or a
 * backslash pair) with optional double quotes glued on either side. Returns the most units reachable from
 * the start, and the most reachable right before an `@`. Quotes can glue left or right, so this is a
 * longest-path over positions rather than a count.
 */
function countUnits(s: string): { total: number; beforeAt: number } {
  const best = new Array<number>(s.length + 1).fill(-1);
  best[0] = 0;
  let total = 0;
  let beforeAt = 0;
  for (let p = 0; p <= s.length; p++) {
    if (best[p] < 0) continue;
    total = Math.max(total, best[p]);
    if (s[p] === '@') beforeAt = Math.max(beforeAt, best[p]);
    const starts = s[p] === '"' ? [p, p + 1] : [p];
    for (const q of starts) {
      let end = -1;
      if (s[q] === '\\') {
        if (q + 1 < s.length && s.charCodeAt(q + 1) <= 0x7e) end = q + 2;
      } else if (q < s.length && s[q] !== '"') {
        end = q + 1;
      }
      if (end < 0) continue;
      best[end] = Math.max(best[end], best[p] + 1);
      if (s[end] === '"') best[end + 1] = Math.max(best[end + 1], best[p] + 1);
    }
  }
  return { total, beforeAt };
}

/** PHP `filter_var($value, FILTER_VALIDATE_EMAIL) !== false` (without `FILTER_FLAG_EMAIL_UNICODE`). */
export function isPhpValidEmail(value: string): boolean {
  if (value.length > EMAIL_MAX_LENGTH) return false;
  // The byte-oriented PHP pattern only admits ASCII; testing that first also makes length in UTF-16 units
  // equal to length in octets below.
  // eslint-disable-next-line no-control-regex -- "any ASCII" includes the control range on purpose
  if (!/^[\x00-\x7F]*$/.test(value)) return false;
  const units = countUnits(value);
  if (units.total >= 255 || units.beforeAt >= 65) return false;
  return EMAIL_BODY.test(value);
}

/**
 * Appwrite's email parser (`utopia-php/emails`): PHP-trim then lower-case, exactly one `@`, local part and
 * domain not "empty" in PHP's sense (so `"0"` is empty), then `FILTER_VALIDATE_EMAIL`. Returns the normalised
 * address, or `undefined` when invalid.
 */
export function normaliseEmail(value: string): string | undefined {
  const email = value.replace(PHP_TRIM, '').toLowerCase();
  const parts = email.split('@');
  if (parts.length !== 2) return undefined;
  const isPhpEmpty = (part: string) => part === '' || part === '0';
  if (isPhpEmpty(parts[0]) || isPhpEmpty(parts[1])) return undefined;
  return isPhpValidEmail(email) ? email : undefined;
}

/**
 * Email address param. Returns the **trimmed, lower-cased** address — the exact string Appwrite validated.
 * (Appwrite itself stores `strtolower($email)` untrimmed, so `" A@b.co "` would be stored with its spaces;
 * storing the validated form avoids unmatchable addresses and duplicate-looking accounts.)
 */
export const email: ParamValidator<string> = {
  description: 'Value must be a valid email address',
  schema: { type: 'string', format: 'email', maxLength: EMAIL_MAX_LENGTH },
  parse(value) {
    if (typeof value !== 'string') return fail();
    const normalised = normaliseEmail(value);
    return normalised === undefined ? fail() : ok(normalised);
  },
};

/**
 * {@link email} that also accepts `""` (returned as `""`) — `PATCH /users/{id}/email` clears the address.
 * Only the exact empty string counts: `" "` is trimmed to empty by the parser and is rejected, as in Appwrite.
 */
export const emailOrEmpty: ParamValidator<string> = orEmpty(email, {
  type: 'string',
  maxLength: EMAIL_MAX_LENGTH,
  anyOf: [{ format: 'email' }, { enum: [''] }],
});
