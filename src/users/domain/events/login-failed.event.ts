import { EventRegistry, RecordedEvent } from '@libs/event-store';

/** Which proof failed: a password today; TOTP and recovery codes count the same way. */
export type AuthenticationFactor = 'password' | 'totp' | 'recovery-code';

/**
 * A failed authentication of an existing user, for the activity log (IP and user agent are in the metadata).
 * Each is its own one-event `login` stream, so a burst of guesses never contends with the user's stream.
 */
export class LoginFailedEvent {
  static readonly type = 'login.failed';
  readonly type = LoginFailedEvent.type;
  constructor(readonly data: { userId: string; factor: AuthenticationFactor }) {}
}

export type LoginEvent = LoginFailedEvent;

export const LOGIN_STREAM = 'login';

export const LOGIN_EVENTS = new EventRegistry<LoginEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
).register(LoginFailedEvent);

/** Narrows a decoded event of any stream to a login event. */
export function isLoginEvent(recorded: RecordedEvent): recorded is RecordedEvent<LoginEvent> {
  return recorded.streamType === LOGIN_STREAM;
}
