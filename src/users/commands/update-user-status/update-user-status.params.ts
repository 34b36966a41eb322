import { looseBoolean, ok, ParamValidator } from '@libs/http/params';

/** Appwrite 0.x's integer status for a blocked user (0 was "unactivated", 1 "activated"). */
const LEGACY_BLOCKED = 2;

/**
 * `status` of `PATCH /v1/users/{id}/status`: Appwrite's loose boolean, plus `2` (or `"2"`) from Appwrite 0.x
 * clients, which blocks. `1` unblocks in both forms. `0` keeps the meaning Appwrite 1.x gives it (false:
 * blocked): reading it as 0.x's "unactivated", which could still log in, would unblock, and a status that
 * fails open is the wrong way to resolve an ambiguous request.
 */
export const userStatus: ParamValidator<boolean> = {
  ...looseBoolean,
  parse(value) {
    if (value === LEGACY_BLOCKED || value === String(LEGACY_BLOCKED)) return ok(false);
    return looseBoolean.parse(value);
  },
};
