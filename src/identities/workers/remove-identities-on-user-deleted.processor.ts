import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { MYSQL_POOL } from '../../database';
import { EVENT_DECODER } from '../../database';
import { EventProcessor } from '../../relay';
import { UserDeletedEvent } from '../../users';
import { IdentityNotFoundError } from '../domain/identity.errors';
import { IdentitiesReader } from '../infrastructure/identities.reader';
import { IdentityRepository } from '../infrastructure/identity.repository';
import { IDENTITY_CLEANUP } from './identity-cleanup.subscription';

/**
 * Deleting a user unlinks every identity it had, each an `identity.deleted` event (reason `user.deleted`)
 * caused by the user's event, so the provider UIDs are free again. Idempotent: identities already unlinked
 * are skipped, so a replay (or a crash half-way) ends in the same state.
 */
@Injectable()
export class RemoveIdentitiesOnUserDeletedProcessor extends EventProcessor<UserDeletedEvent> {
  private readonly logger = new Logger(RemoveIdentitiesOnUserDeletedProcessor.name);

  constructor(
    private readonly identities: IdentityRepository,
    private readonly reader: IdentitiesReader,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(IDENTITY_CLEANUP, decoder, pool, config);
  }

  protected async handle(event: RecordedEvent<UserDeletedEvent>): Promise<void> {
    const userId = event.streamId;
    await this.cascade(
      event,
      await this.reader.listIdsOfUser(userId, event.position),
      (identityId, metadata) =>
        this.identities.update(
          identityId,
          (identity) => {
            // Unlinked and linked again to someone else since the list was read: not ours to remove.
            if (identity.userId !== userId) throw new IdentityNotFoundError();
            identity.unlink(UserDeletedEvent.type);
          },
          undefined,
          metadata,
        ),
      (error) => error instanceof IdentityNotFoundError,
    );
    this.logger.debug(`Removed identities of ${userId} after ${event.event.type}`);
  }
}
