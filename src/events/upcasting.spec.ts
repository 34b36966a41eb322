import { DomainEvent, EventDecoder, EventRegistry, StoredEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import type { Pool, PoolConnection } from 'mysql2/promise';
import { ActivityLogProcessor } from '../audit/workers/activity-log.processor';
import type { GeoIpService } from '../device';
import type { AppConfig } from '../config/config';
import { IDENTITY_EVENTS } from '../identities/domain/events';
import type { EventJobData } from '../relay/relay.contract';
import { SESSION_EVENTS } from '../sessions/domain/events';
import type { SessionRepository } from '../sessions/infrastructure/session.repository';
import type { SessionsReader } from '../sessions/infrastructure/sessions.reader';
import { RevokeSessionsOnUserChangeProcessor } from '../sessions/workers/revoke-sessions-on-user-change.processor';
import {
  USER_EVENTS,
  UserCreatedEvent,
  UserStatusChangedEvent as CurrentStatusChanged,
} from '../users/domain/events';
import { UserAggregate } from '../users/domain/user.aggregate';
import type { UsersReader } from '../users/infrastructure/users.reader';
import { UserProjection } from '../users/infrastructure/user.projection';

/**
 * Schema evolution through the one decode path: a `user.status.changed` at schema 2 whose version-1 rows said
 * `{blocked: true}`. Every reader of old rows sees the new shape: the aggregate, the users projection, the
 * revocation processor and the activity log.
 */
class UserStatusChangedEvent extends CurrentStatusChanged {
  static readonly schemaVersion = 2;
}

const registry = EventRegistry.merge(
  USER_EVENTS.classes().reduce(
    (r, ctor) =>
      ctor.type === CurrentStatusChanged.type
        ? r.register(UserStatusChangedEvent, { 1: (d) => ({ status: !d.blocked }) })
        : r.register(ctor),
    new EventRegistry<DomainEvent>(({ streamId }) => streamId),
  ),
  SESSION_EVENTS as never,
  IDENTITY_EVENTS as never,
);
const decoder = new EventDecoder(registry);

const oldRow: StoredEvent = {
  position: 7,
  id: '0190a000-0000-7000-8000-000000000007',
  streamType: 'user',
  streamId: 'u1',
  version: 2,
  type: 'user.status.changed',
  schemaVersion: 1,
  data: { blocked: true },
  metadata: { actor: { type: 'key', id: 'k1' } },
  occurredAt: new Date('2020-01-02T03:04:05.678Z'),
};
const oldJob: EventJobData = { ...oldRow, occurredAt: oldRow.occurredAt.toISOString() };

describe('an upcast event, read by every reader', () => {
  it('decodes a version-1 row into the current class and shape', async () => {
    const { event } = await decoder.decode(oldRow);
    expect(event).toBeInstanceOf(CurrentStatusChanged);
    expect(event.data).toEqual({ status: false });
  });

  it('evolves the aggregate', async () => {
    const user = new UserAggregate('u1');
    const created = new UserCreatedEvent({
      userId: 'u1',
      name: '',
      email: null,
      phone: null,
      password: null,
      hash: 'argon2',
      hashOptions: {},
    });
    user.loadFromHistory([created, (await decoder.decode(oldRow)).event as CurrentStatusChanged]);
    expect(user.status).toBe(false);
    expect(user.version).toBe(2);
  });

  it('updates the users read model', async () => {
    const statements: unknown[][] = [];
    const sql = {
      execute: async (text: string, params: unknown[]) => statements.push([text, params]),
    } as unknown as PoolConnection;
    const decoded = await decoder.decode(oldRow);
    await new UserProjection().apply(sql, [recorded(decoded.event as CurrentStatusChanged, decoded)]);
    expect(statements).toEqual([
      [
        'UPDATE users SET status = ?, ban_reason = NULL, ban_expires_at = NULL, version = ?, updated_at = ? WHERE id = ?',
        [0, 2, oldRow.occurredAt, 'u1'],
      ],
      [
        'UPDATE users SET kept_session_epoch = IF(kept_session_id <=> ?, kept_session_epoch, session_epoch), ' +
          'kept_session_id = ?, session_epoch = ? WHERE id = ?',
        [null, null, 7, 'u1'],
      ],
    ]);
  });

  it('revokes the sessions the block ended', async () => {
    const update = jest.fn(async () => []);
    const processor = new RevokeSessionsOnUserChangeProcessor(
      { update } as unknown as SessionRepository,
      { listEndedIds: async () => ['s1'] } as unknown as SessionsReader,
      decoder,
      { query: async () => [{ affectedRows: 1 }] } as unknown as Pool,
      {} as AppConfig,
    );
    await processor.consume(oldJob);
    expect(update).toHaveBeenCalledWith('s1', expect.any(Function), undefined, expect.anything());
  });

  it('is logged under its Appwrite name', async () => {
    const inserted: unknown[][] = [];
    const processor = new ActivityLogProcessor(
      {
        query: async (text: string, [rows]: [unknown[][]]) => {
          if (text.includes('activity_logs')) inserted.push(...rows);
          return [{ affectedRows: rows.length }];
        },
      } as unknown as Pool,
      { findContacts: async () => new Map() } as unknown as UsersReader,
      { lookup: () => ({ countryCode: '--', countryName: 'Unknown' }) } as unknown as GeoIpService,
      decoder,
      {} as AppConfig,
    );
    await processor.consume(oldJob);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].slice(0, 3)).toEqual([oldRow.id, 7, 'users.u1.update.status']);
  });
});
