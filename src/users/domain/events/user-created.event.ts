export interface UserCreatedData {
  userId: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** The stored hash (never the plain password); null for a user without a password. */
  password: string | null;
  hash: string;
  hashOptions: Record<string, unknown>;
}

export class UserCreatedEvent {
  static readonly type = 'user.created';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['name', 'email', 'phone', 'password', 'hashOptions'] as const;
  readonly type = UserCreatedEvent.type;
  constructor(readonly data: UserCreatedData) {}
}
