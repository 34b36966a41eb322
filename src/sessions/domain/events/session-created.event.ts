import type { CountryInfo, DeviceInfo } from '../../../device';

export interface SessionCreatedData extends DeviceInfo, CountryInfo {
  sessionId: string;
  userId: string;
  /** The user's incarnation (position of its `user.created`): a re-created id is another user. */
  userIncarnation: number;
  /** The user's session epoch when the session started: a block or a new password moves it on. */
  userEpoch: number;
  /** `email` (login), `server` (created with an API key), later `oauth2`… */
  provider: string;
  providerUid: string;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  secretHash: string;
  /** ISO 8601 */
  expire: string;
  factors: string[];
  ip: string;
}

/** Device and country are captured when the session starts, so a rebuild shows what was true then. */
export class SessionCreatedEvent {
  static readonly type = 'session.created';
  /** 2: `userIncarnation` and `userEpoch`. */
  static readonly schemaVersion = 2;
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['providerUid', 'ip'] as const;
  readonly type = SessionCreatedEvent.type;
  constructor(readonly data: SessionCreatedData) {}
}

/**
 * Sessions made before schema 2 did not record whom they were made for: they are bound to no incarnation
 * (0 matches no user), so a rebuild can only end them, never revive one.
 */
export const upcastSessionCreatedV1 = (data: Record<string, unknown>) => ({
  ...data,
  userIncarnation: 0,
  userEpoch: 0,
});
