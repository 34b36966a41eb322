import { fail, isPlainObject, ok, ParamValidator } from './param-validator';
import { textDescription } from './text';

/** `APP_LIMIT_ARRAY_LABELS_SIZE`. */
export const MAX_LABELS = 1000;
/** Longest label, in chars. */
export const MAX_LABEL_LENGTH = 36;

// Text::NUMBERS, ALPHABET_UPPER, ALPHABET_LOWER in that order: the description lists them verbatim.
const ALLOWED = [...'0123456789', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...'abcdefghijklmnopqrstuvwxyz'] as const;
const LABEL = new RegExp(`^[A-Za-z0-9]{1,${MAX_LABEL_LENGTH}}$`);

/**
 * `labels` of `PUT /users/{id}/labels`: Appwrite's `ArrayList(Text(36, alphanumeric), 1000)`. Returns the
 * labels de-duplicated (case-sensitive, first occurrence kept) in order, as Appwrite stores them.
 * Because a JSON object is also a PHP array, `{"a": "x"}` is accepted like `["x"]`.
 */
export const labels: ParamValidator<string[]> = {
  // "must a valid array" is Appwrite's own wording (ArrayList::getDescription).
  description: `Value must a valid array no longer than ${MAX_LABELS} items and ${textDescription(MAX_LABEL_LENGTH, 1, ALLOWED)}`,
  schema: {
    type: 'array',
    maxItems: MAX_LABELS,
    items: { type: 'string', minLength: 1, maxLength: MAX_LABEL_LENGTH, pattern: LABEL.source },
  },
  parse(value) {
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (isPlainObject(value)) items = Object.values(value);
    else return fail();
    if (items.length > MAX_LABELS) return fail();
    if (!items.every((item) => typeof item === 'string' && LABEL.test(item))) return fail();
    return ok([...new Set(items as string[])]);
  },
};
