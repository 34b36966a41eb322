import { Inject, Injectable } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import { UnrecoverableError } from 'bullmq';
import type { Pool, ResultSetHeader } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { activityLogRowsTotal, MicroBatcher } from '../../common';
import { CountryInfo, DeviceInfo, GeoIpService, parseUserAgent } from '../../device';
import { MYSQL_POOL } from '../../database';
import type { AnyEvent } from '../../events';
import { EVENT_DECODER } from '../../database';
import { EventProcessor } from '../../relay';
import { UserErasedEvent, UsersReader } from '../../users';
import { auditEventName, subjectUserId } from '../audit-event-names';
import { ActivityLogRecord, LOG_FIELDS } from '../infrastructure/activity-log.columns';
import { anonymizeUserLogs } from '../infrastructure/activity-log-erasure';
import { ACTIVITY_LOG } from './activity-log.subscription';

/** Appwrite's `userType` of each actor kind; events with no actor (or the system) were done by a guest. */
const USER_TYPES: Readonly<Record<string, string>> = { key: 'keyProject', user: 'user' };
/** Columns are VARCHAR(256); a hostile User-Agent must not fail the insert. */
const MAX_FIELD = 256;

const COLUMNS = ['event_id', 'position', ...LOG_FIELDS.map(([, column]) => column)];
const INSERT = `INSERT IGNORE INTO activity_logs (${COLUMNS.join(', ')}) VALUES ?`;

/** The activity-log row of an event about `userId`, given the user's current row (absent once deleted). */
export function toActivityLog(
  event: RecordedEvent<AnyEvent>,
  userId: string,
  user: { email: string | null; name: string } | undefined,
  device: DeviceInfo,
  country: CountryInfo,
): ActivityLogRecord {
  const actor = event.metadata.actor;
  const clip = (info: object) =>
    Object.fromEntries(Object.entries(info).map(([k, v]) => [k, String(v ?? '').slice(0, MAX_FIELD)]));
  return {
    eventId: event.id,
    position: event.position,
    event: auditEventName(event).slice(0, 255),
    userId,
    userEmail: user?.email ?? '',
    userName: user?.name ?? '',
    mode: actor?.type === 'key' ? 'admin' : 'default',
    userType: (actor && USER_TYPES[actor.type]) ?? 'guest',
    ip: (event.metadata.ip ?? '').slice(0, 45),
    time: event.occurredAt,
    ...(clip(device) as unknown as DeviceInfo),
    ...country,
    impersonatorId: actor?.impersonatorId ?? '',
  };
}

/**
 * Writes one `activity_logs` row per user, session and identity event. The row is keyed by event id and
 * inserted with INSERT IGNORE, so a redelivered job changes nothing.
 */
@Injectable()
export class ActivityLogProcessor extends EventProcessor<AnyEvent> {
  /** Concurrent jobs share one user lookup and one multi-row insert: a round trip per batch, not per event. */
  private readonly batcher = new MicroBatcher<{ event: RecordedEvent<AnyEvent>; userId: string }>((items) =>
    this.write(items),
  );

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    private readonly users: UsersReader,
    private readonly geo: GeoIpService,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(ACTIVITY_LOG, decoder, pool, config);
  }

  protected async handle(event: RecordedEvent<AnyEvent>): Promise<void> {
    const userId = subjectUserId(event);
    // The types say every event names its user; a payload written by a bug might not, and never will.
    if (!userId) throw new UnrecoverableError(`Event ${event.id} (${event.event.type}) names no user`);
    await this.batcher.add({ event, userId });
  }

  private async write(items: Array<{ event: RecordedEvent<AnyEvent>; userId: string }>): Promise<void> {
    const byId = await this.users.findContacts([...new Set(items.map((i) => i.userId))]);
    const rows = items.map(({ event, userId }) => {
      const ip = event.metadata.ip ?? '';
      const record = toActivityLog(
        event,
        userId,
        byId.get(userId),
        parseUserAgent(event.metadata.userAgent),
        this.geo.lookup(ip),
      );
      return [record.eventId, record.position, ...LOG_FIELDS.map(([key]) => record[key])];
    });
    const [result] = await this.pool.query<ResultSetHeader>(INSERT, [rows]);
    activityLogRowsTotal.inc(result.affectedRows);
    // The erasure anonymised the rows in its transaction; a row this worker read before that commit and wrote
    // after it is caught here, when the erasure itself is logged.
    const erased = new Set(
      items.filter((i) => i.event.event.type === UserErasedEvent.type).map((i) => i.userId),
    );
    for (const userId of erased) await anonymizeUserLogs(this.pool, userId);
  }
}
