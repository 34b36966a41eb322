/** Carries the new stored hash, never the plain password; a null password removes it. */
export class UserPasswordChangedEvent {
  static readonly type = 'user.password.changed';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['password', 'hashOptions'] as const;
  readonly type = UserPasswordChangedEvent.type;
  constructor(
    readonly data: {
      password: string | null;
      hash: string;
      hashOptions: Record<string, unknown>;
      /**
       * The session the user changed its own password from (`PATCH /v1/account/password`): it goes on
       * counting while every other session ends, as in Appwrite. Absent when an API key changed it.
       */
      keepSessionId?: string;
    },
  ) {}
}
