import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CountryInfo, DeviceInfo } from '../../common/device/device.types';
import { GeoIpService } from '../../common/device/geoip.service';
import { parseUserAgent } from '../../common/device/user-agent';
import { activityLogRowsTotal } from '../../common/metrics/metrics';
import { MicroBatcher } from '../../common/queue/micro-batcher';
import { MYSQL_POOL } from '../../database/database.tokens';
import { EventProcessor } from '../../relay/event-processor';
import type { EventJobData } from '../../relay/relay.contract';
import { auditEventName, subjectUserId } from '../audit-event-names';
import { ActivityLogRecord, LOG_FIELDS } from '../infrastructure/activity-log.columns';
import { ACTIVITY_LOG } from './activity-log.subscription';

/** Appwrite's `userType` of each actor kind; events with no actor (or the system) were done by a guest. */
const USER_TYPES: Readonly<Record<string, string>> = { key: 'keyProject', user: 'user' };
/** Columns are VARCHAR(256); a hostile User-Agent must not fail the insert. */
const MAX_FIELD = 256;

const COLUMNS = ['event_id', 'position', ...LOG_FIELDS.map(([, column]) => column)];
const INSERT = `INSERT IGNORE INTO activity_logs (${COLUMNS.join(', ')}) VALUES ?`;

/** The activity-log row of an event about `userId`, given the user's current row (absent once deleted). */
export function toActivityLog(
  event: EventJobData,
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
    time: new Date(event.occurredAt),
    ...(clip(device) as unknown as DeviceInfo),
    ...country,
  };
}

/**
 * Writes one `activity_logs` row per user, session and identity event. The row is keyed by event id and
 * inserted with INSERT IGNORE, so a redelivered job changes nothing.
 */
@Injectable()
export class ActivityLogProcessor extends EventProcessor {
  /** Concurrent jobs share one user lookup and one multi-row insert: a round trip per batch, not per event. */
  private readonly batcher = new MicroBatcher<{ event: EventJobData; userId: string }>((items) =>
    this.write(items),
  );

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    private readonly geo: GeoIpService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(ACTIVITY_LOG, pool, config);
  }

  protected async handle(event: EventJobData): Promise<void> {
    const userId = subjectUserId(event);
    if (!userId) throw new UnrecoverableError(`Event ${event.id} (${event.type}) names no user`);
    await this.batcher.add({ event, userId });
  }

  private async write(items: Array<{ event: EventJobData; userId: string }>): Promise<void> {
    const ids = [...new Set(items.map((i) => i.userId))];
    const [users] = await this.pool.query<RowDataPacket[]>(
      'SELECT id, email, name FROM users WHERE id IN (?)',
      [ids],
    );
    const byId = new Map(users.map((u) => [String(u.id), u as { email: string | null; name: string }]));
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
  }
}
