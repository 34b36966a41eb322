import { UnrecoverableError } from 'bullmq';
import { EventDecoder } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config/config';
import type { GeoIpService } from '../../device';
import { ALL_EVENTS } from '../../events/all-events';
import type { EventJobData } from '../../relay/relay.contract';
import type { UsersReader } from '../../users';
import { ActivityLogProcessor } from './activity-log.processor';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

function job(overrides: Partial<EventJobData> = {}): EventJobData {
  return {
    position: 7,
    id: '0190a000-0000-7000-8000-000000000007',
    streamType: 'user',
    streamId: 'u1',
    version: 2,
    type: 'user.email.changed',
    schemaVersion: 1,
    data: { email: 'ada@example.com' },
    metadata: { actor: { type: 'key', id: 'bootstrap' }, ip: '203.0.113.9', userAgent: CHROME_MAC },
    occurredAt: '2025-01-02T03:04:05.678Z',
    ...overrides,
  };
}

function setup(
  user: { email: string | null; name: string } | null = { email: 'ada@example.com', name: 'Ada' },
) {
  const inserted = new Map<string, unknown[]>();
  // The processor batches: one users lookup and one multi-row INSERT IGNORE per batch.
  const findContacts = jest.fn(
    async (ids: readonly string[]) => new Map(user ? ids.map((id) => [id, user]) : []),
  );
  const execute = jest.fn(async (sql: string, values: unknown[]) => {
    if (sql.includes('processed_events')) return [{ affectedRows: (values[0] as unknown[]).length }];
    let affectedRows = 0;
    for (const row of values[0] as unknown[][]) {
      if (inserted.has(row[0] as string)) continue;
      inserted.set(row[0] as string, row);
      affectedRows += 1;
    }
    return [{ affectedRows }];
  });
  const geo = { lookup: jest.fn(() => ({ countryCode: 'us', countryName: 'United States' })) };
  const processor = new ActivityLogProcessor(
    { query: execute } as unknown as Pool,
    { findContacts } as unknown as UsersReader,
    geo as unknown as GeoIpService,
    new EventDecoder(ALL_EVENTS),
    {} as AppConfig,
  );
  const row = (id: string) => {
    const sql = execute.mock.calls.find(([s]) => s.startsWith('INSERT IGNORE INTO activity_logs'))![0];
    const columns = /\(([^)]+)\) VALUES/.exec(sql)![1].split(', ');
    const values = inserted.get(id)!;
    return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  };
  return { processor, execute, findContacts, geo, inserted, row };
}

describe('ActivityLogProcessor', () => {
  it('writes one row keyed by event id with the event name, actor, user, device and country', async () => {
    const t = setup();
    await t.processor.consume(job());
    expect(t.row(job().id)).toEqual({
      event_id: job().id,
      position: 7,
      event: 'users.u1.update.email',
      user_id: 'u1',
      user_email: 'ada@example.com',
      user_name: 'Ada',
      mode: 'admin',
      user_type: 'keyProject',
      ip: '203.0.113.9',
      time: new Date('2025-01-02T03:04:05.678Z'),
      os_code: 'MAC',
      os_name: 'Mac',
      os_version: '10.15.7',
      client_type: 'browser',
      client_code: 'CH',
      client_name: 'Chrome',
      client_version: '120.0.0.0',
      client_engine: 'Blink',
      client_engine_version: '120.0.0.0',
      device_name: 'desktop',
      device_brand: 'Apple',
      device_model: expect.any(String),
      country_code: 'us',
      country_name: 'United States',
      impersonator_id: '',
    });
    expect(t.geo.lookup).toHaveBeenCalledWith('203.0.113.9');
  });

  it('records the impersonator of a change made while impersonating, beside the user it was made as', async () => {
    const t = setup();
    await t.processor.consume(
      job({ id: 'imp-event', metadata: { actor: { type: 'user', id: 'u1', impersonatorId: 'admin1' } } }),
    );
    expect(t.row('imp-event')).toMatchObject({ user_id: 'u1', user_type: 'user', impersonator_id: 'admin1' });
  });

  it('inserts nothing the second time the same event is delivered', async () => {
    const t = setup();
    await t.processor.consume(job());
    await t.processor.consume(job());
    expect(t.inserted.size).toBe(1);
    expect(
      t.execute.mock.calls.filter(([sql]) => sql.startsWith('INSERT IGNORE INTO activity_logs')),
    ).toHaveLength(2);
  });

  it('logs session and identity events under data.userId, users acting as `user`, no actor as `guest`', async () => {
    const t = setup(null);
    await t.processor.consume(
      job({
        id: 's-event',
        streamType: 'session',
        streamId: 's1',
        type: 'session.created',
        data: { sessionId: 's1', userId: 'u9', provider: 'email' },
        metadata: { actor: { type: 'user', id: 'u9' } },
      }),
    );
    expect(t.row('s-event')).toMatchObject({
      event: 'users.u9.sessions.s1.create',
      user_id: 'u9',
      user_email: '',
      user_name: '',
      user_type: 'user',
      mode: 'default',
      ip: '',
      os_code: '',
    });
    await t.processor.consume(
      job({
        id: 'i-event',
        streamType: 'identity',
        streamId: 'i1',
        type: 'identity.deleted',
        data: { userId: 'u9' },
        metadata: {},
      }),
    );
    expect(t.row('i-event')).toMatchObject({
      event: 'users.u9.identities.i1.delete',
      user_type: 'guest',
      mode: 'default',
    });
  });

  it('fails for good on a session event that names no user', async () => {
    const t = setup();
    const poison = job({ streamType: 'session', streamId: 's1', type: 'session.revoked', data: {} });
    await expect(t.processor.consume(poison)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
