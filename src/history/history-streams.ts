import { fail, ok, ParamValidator } from '@libs/http/params';
import { ACCESS_TOKEN_STREAM } from '../access-tokens/domain/events';
import { IDENTITY_STREAM } from '../identities/domain/events';
import { SESSION_STREAM } from '../sessions/domain/events';
import { USER_STREAM } from '../users/domain/events';

/** The streams `include` can add to a user's own, by the name the request gives. */
const INCLUDABLE: Readonly<Record<string, string>> = {
  sessions: SESSION_STREAM,
  identities: IDENTITY_STREAM,
  'access-tokens': ACCESS_TOKEN_STREAM,
};

/** `include=sessions,identities`: the stream types to read, the user's own first. */
export const includeStreams: ParamValidator<string[]> = {
  description: `Value must be a comma-separated list of: ${Object.keys(INCLUDABLE).join(', ')}`,
  schema: { type: 'string', example: 'sessions,identities' },
  parse(value) {
    // `include=sessions&include=identities` is read as `include=sessions,identities`.
    const list = Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(',') : value;
    if (typeof list !== 'string') return fail();
    const names = list === '' ? [] : list.split(',').map((name) => name.trim());
    if (!names.every((name) => Object.hasOwn(INCLUDABLE, name))) return fail();
    return ok([USER_STREAM, ...new Set(names.map((name) => INCLUDABLE[name]))]);
  },
};

/** Without `include`: the user's own stream alone. */
export const OWN_STREAM: readonly string[] = [USER_STREAM];

/** The user's own stream and every stream about it (what the export reads): whatever `include` can add. */
export const ALL_USER_STREAMS: readonly string[] = [USER_STREAM, ...Object.values(INCLUDABLE)];
