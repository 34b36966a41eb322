import { apply as applyMergePatch } from 'json8-merge-patch';
import { ArgumentInvalidError } from '@libs/http';
import { prefs as prefsParam, PREFS_MAX_LENGTH } from '@libs/http/params';

/** The media type that asks `PATCH /v1/users/{id}/prefs` to merge instead of replace. */
export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/**
 * RFC 7396 JSON Merge Patch of a user's prefs: nested objects merge, `null` deletes a key, anything else
 * (arrays included) replaces. The patch must be an object (a scalar or array patch would replace the prefs
 * with something that is not an object), and the result must be valid prefs, the 64 kB limit included.
 * Pure: `current` is not changed.
 */
export function mergePrefsPatch(
  current: Readonly<Record<string, unknown>>,
  patch: unknown,
): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ArgumentInvalidError('Invalid merge patch: the body must be a JSON object.');
  }
  let merged: unknown;
  try {
    // The library mutates its target and creates null-prototype objects: work on a copy, return plain JSON.
    merged = JSON.parse(JSON.stringify(applyMergePatch(structuredClone(current), patch)));
  } catch {
    // The library refuses a `__proto__` key (the request parser already drops those from bodies).
    throw new ArgumentInvalidError('Invalid merge patch: `__proto__` is not an allowed key.');
  }
  const checked = prefsParam.parse(merged);
  if (!checked.ok) {
    throw new ArgumentInvalidError(
      `Invalid merge patch: the resulting prefs must be a JSON object of at most ${PREFS_MAX_LENGTH} characters.`,
    );
  }
  return checked.value;
}
