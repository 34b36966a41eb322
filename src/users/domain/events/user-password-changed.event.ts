/** Carries the new stored hash, never the plain password; a null password removes it. */
export class UserPasswordChangedEvent {
  static readonly type = 'user.password.changed';
  constructor(
    readonly data: { password: string | null; hash: string; hashOptions: Record<string, unknown> },
  ) {}
}
