import { Inject, Injectable } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { EVENT_DECODER, MYSQL_POOL } from '../../database';
import { EventProcessor } from '../../relay';
import type { UserBannedEvent } from '../domain/events';
import { BAN_EXPIRY } from './ban-expiry.subscription';
import { BanLiftQueue } from './ban-lift.queue';

/**
 * Turns each ban with an expiry into a delayed job that lifts it. It runs from the relay, after the ban is
 * committed, so a ban made while Redis was down still gets its job once Redis is back (and one whose expiry
 * passed meanwhile is lifted at once). Idempotent: the job id is the ban event's id.
 */
@Injectable()
export class LiftExpiredBansProcessor extends EventProcessor<UserBannedEvent> {
  constructor(
    private readonly lifts: BanLiftQueue,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(BAN_EXPIRY, decoder, pool, config);
  }

  protected async handle(recorded: RecordedEvent<UserBannedEvent>): Promise<void> {
    const expiresAt = recorded.event.data.expiresAt;
    if (expiresAt === null) return;
    await this.lifts.schedule(
      { userId: recorded.streamId, banVersion: recorded.version, banEventId: recorded.id },
      new Date(expiresAt),
    );
  }
}
