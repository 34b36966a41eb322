import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { EVENT_DECODER, MYSQL_POOL } from '../../database';
import { EventProcessor } from '../../relay';
import { UserDeletedEvent } from '../../users';
import { AccessTokenNotFoundError } from '../domain/access-token.errors';
import { AccessTokenRepository } from '../infrastructure/access-token.repository';
import { AccessTokensReader } from '../infrastructure/access-tokens.reader';
import { ACCESS_TOKEN_CLEANUP } from './access-token-cleanup.subscription';

/**
 * Deleting a user deletes every token it had, each an `access_token.deleted` event (reason `user.deleted`)
 * caused by the user's event. Idempotent: tokens already deleted are skipped, so a replay (or a crash half-way)
 * ends in the same state.
 */
@Injectable()
export class DeleteAccessTokensOnUserDeletedProcessor extends EventProcessor<UserDeletedEvent> {
  private readonly logger = new Logger(DeleteAccessTokensOnUserDeletedProcessor.name);

  constructor(
    private readonly tokens: AccessTokenRepository,
    private readonly reader: AccessTokensReader,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(ACCESS_TOKEN_CLEANUP, decoder, pool, config);
  }

  protected async handle(event: RecordedEvent<UserDeletedEvent>): Promise<void> {
    const userId = event.streamId;
    await this.cascade(
      event,
      await this.reader.listIdsOfUser(userId, event.position),
      (tokenId, metadata) =>
        this.tokens.update(tokenId, (token) => token.delete(UserDeletedEvent.type), undefined, metadata),
      (error) => error instanceof AccessTokenNotFoundError,
    );
    this.logger.debug(`Deleted access tokens of ${userId} after ${event.event.type}`);
  }
}
