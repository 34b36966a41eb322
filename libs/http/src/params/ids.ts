import { randomBytes } from 'node:crypto';
import { fail, ok, ParamValidator } from './param-validator';

/** Longest ID accepted: Appwrite's SQL adapters report 36 (`getMaxUIDLength`). */
export const MAX_UID_LENGTH = 36;

/** The literal older SDKs send to ask the server to generate the ID. */
export const UNIQUE_ID_PLACEHOLDER = 'unique()';

// utopia `Key`: first char not `_ . -` (and `$` is refused as non-internal), then only [A-Za-z0-9._-].
// Written as one anchored pattern; JS `$` (no `m` flag) does not match before a trailing newline.
const KEY = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_UID_LENGTH - 1}}$`);

function isKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/**
 * Custom ID for creates (`userId` on `POST /users*`, `targetId`): `unique()` (returned unchanged; resolve it
 * with {@link generateUniqueId}) or 1–36 chars of `[A-Za-z0-9._-]` not starting with `_ . -`.
 */
export const customId: ParamValidator<string> = {
  description: `Parameter must contain at most ${MAX_UID_LENGTH} chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char`,
  schema: {
    type: 'string',
    maxLength: MAX_UID_LENGTH,
    pattern: `^(unique\\(\\)|${KEY.source.slice(1, -1)})$`,
  },
  parse: (value) => (value === UNIQUE_ID_PLACEHOLDER || isKey(value) ? ok(value) : fail()),
};

/**
 * Existing-resource ID (path `userId`, `sessionId`, `targetId`…): same rule as {@link customId} without
 * `unique()`. The description is Appwrite's `UID` text verbatim, which understates the allowed chars.
 */
export const uid: ParamValidator<string> = {
  description: `UID must contain at most ${MAX_UID_LENGTH} chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore`,
  schema: { type: 'string', maxLength: MAX_UID_LENGTH, pattern: KEY.source },
  parse: (value) => (isKey(value) ? ok(value) : fail()),
};

let lastMicros = 0;

/**
 * Appwrite's server-side ID (`ID::unique()`): PHP `uniqid()` (8 hex of Unix seconds + 5 hex of the
 * microsecond part) followed by 7 random hex chars, 20 chars in all.
 */
export function generateUniqueId(): string {
  let micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  // uniqid() waits for the clock to move so that two calls never share a prefix; bumping is equivalent.
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros % 1_000_000;
  const prefix = seconds.toString(16).padStart(8, '0') + fraction.toString(16).padStart(5, '0');
  return prefix + randomBytes(4).toString('hex').slice(0, 7);
}
