import type { CountryInfo, DeviceInfo } from '../../../common/device/device.types';

export interface SessionCreatedData extends DeviceInfo, CountryInfo {
  sessionId: string;
  userId: string;
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
  constructor(readonly data: SessionCreatedData) {}
}
