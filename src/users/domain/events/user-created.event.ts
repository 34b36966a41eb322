export interface UserCreatedData {
  userId: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** The stored hash (never the plain password); null for a user without a password. */
  password: string | null;
  hash: string;
  hashOptions: Record<string, unknown>;
  /**
   * When an imported user was created in the system it came from (ISO 8601): the read model's `registration` and
   * `$createdAt`, so a migration keeps the users' ages. Absent for a user created here, whose creation is the event.
   */
  registeredAt?: string;
}

export class UserCreatedEvent {
  static readonly type = 'user.created';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['name', 'email', 'phone', 'password', 'hashOptions'] as const;
  readonly type = UserCreatedEvent.type;
  constructor(readonly data: UserCreatedData) {}
}
