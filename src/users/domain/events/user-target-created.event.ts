export type TargetProviderType = 'email' | 'sms' | 'push';

export interface UserTargetCreatedData {
  targetId: string;
  providerType: TargetProviderType;
  identifier: string;
  /** `""` when unnamed. */
  name: string;
}

/** A messaging target added through `POST /v1/users/{userId}/targets` (not the email/phone targets). */
export class UserTargetCreatedEvent {
  static readonly type = 'user.target.created';
  /** Personal data: stored only sealed with the user's data key. */
  static readonly sealed = ['identifier', 'name'] as const;
  readonly type = UserTargetCreatedEvent.type;
  constructor(readonly data: UserTargetCreatedData) {}
}
