import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { SessionRevocationReason } from '../../domain/events';
import { SessionNotFoundError } from '../../domain/session.errors';
import { SessionRepository } from '../../infrastructure/session.repository';

export class RevokeSessionCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly reason: SessionRevocationReason,
    /** When set, the session must belong to this user (else 404, as for an unknown session). */
    readonly userId?: string,
    /** The event that caused the revocation, for the event metadata. */
    readonly causationId?: string,
  ) {
    super();
  }
}

@CommandHandler(RevokeSessionCommand)
export class RevokeSessionHandler implements ICommandHandler<RevokeSessionCommand> {
  constructor(private readonly sessions: SessionRepository) {}

  async execute({ sessionId, reason, userId, causationId }: RevokeSessionCommand): Promise<void> {
    await this.sessions.update(
      sessionId,
      (session) => {
        if (userId !== undefined && session.userId !== userId) throw new SessionNotFoundError();
        session.revoke(reason);
      },
      undefined,
      causationId ? { causationId } : {},
    );
  }
}
