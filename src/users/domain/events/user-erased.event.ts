/**
 * The user's personal data was erased (GDPR Art. 17): its data key destroyed, its read rows purged. It holds
 * no personal data itself, and follows the `user.deleted` of a live user in the same append.
 */
export class UserErasedEvent {
  static readonly type = 'user.erased';
  readonly type = UserErasedEvent.type;
  constructor(readonly data: Record<string, never>) {}
}
