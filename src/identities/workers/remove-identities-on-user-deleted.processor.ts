import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { markProcessed, wasProcessed } from '../../common/queue/processed-events';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MYSQL_POOL } from '../../database/database.tokens';
import { createEventWorker } from '../../relay/event-worker';
import { EventJobData, QUEUES } from '../../relay/relay.contract';
import { IdentityNotFoundError } from '../domain/identity.errors';
import { IdentitiesReader } from '../infrastructure/identities.reader';
import { IdentityRepository } from '../infrastructure/identity.repository';

const CONSUMER = 'identity-cleanup';

/**
 * Deleting a user unlinks every identity it had, each an `identity.deleted` event (reason `user.deleted`)
 * caused by the user's event, so the provider UIDs are free again. Idempotent: identities already unlinked
 * are skipped, and the event id is recorded once all are done, so a replay (or a crash half-way) ends in
 * the same state.
 */
@Injectable()
export class RemoveIdentitiesOnUserDeletedProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemoveIdentitiesOnUserDeletedProcessor.name);
  private worker?: Worker;

  constructor(
    private readonly identities: IdentityRepository,
    private readonly reader: IdentitiesReader,
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = createEventWorker(QUEUES.IDENTITY_CLEANUP, (event) => this.process(event), this.config);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(event: EventJobData): Promise<void> {
    if (event.type !== 'user.deleted' || event.streamType !== 'user') return;
    if (await wasProcessed(this.pool, CONSUMER, event.id)) return;
    const userId = event.streamId;
    for (const identityId of await this.reader.listIdsOfUser(userId, event.position)) {
      try {
        await this.identities.update(
          identityId,
          (identity) => {
            // Unlinked and linked again to someone else since the list was read: not ours to remove.
            if (identity.userId !== userId) throw new IdentityNotFoundError();
            identity.unlink('user.deleted');
          },
          undefined,
          {
            actor: { type: 'system', id: CONSUMER },
            causationId: event.id,
            correlationId: event.metadata.requestId,
          },
        );
      } catch (error) {
        if (!(error instanceof IdentityNotFoundError)) throw error;
      }
    }
    await markProcessed(this.pool, CONSUMER, event.id);
    this.logger.debug(`Removed identities of ${userId} after ${event.type}`);
  }
}
