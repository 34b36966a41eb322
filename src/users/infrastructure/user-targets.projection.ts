import type { RecordedEvent } from '@libs/event-store';
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import {
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserEvent,
  UserPhoneChangedEvent,
  UserTargetCreatedEvent,
  UserTargetDeletedEvent,
  UserTargetUpdatedEvent,
} from '../domain/events';
import { addressTargetId } from '../domain/user-targets';

type Sql = PoolConnection;
type AddressType = 'email' | 'sms';

const ADDRESS_COLUMN: Record<AddressType, 'email' | 'phone'> = { email: 'email', sms: 'phone' };

async function userTargetIds(sql: Sql, userId: string): Promise<Set<string>> {
  const [rows] = await sql.execute<RowDataPacket[]>('SELECT id FROM user_targets WHERE user_id = ?', [
    userId,
  ]);
  return new Set(rows.map((row) => String(row.id)));
}

async function insertTarget(
  sql: Sql,
  r: RecordedEvent,
  target: { id: string; providerType: string; identifier: string; name: string },
): Promise<void> {
  await sql.execute(
    `INSERT INTO user_targets (id, user_id, provider_type, identifier, name, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [target.id, r.streamId, target.providerType, target.identifier, target.name, r.occurredAt, r.occurredAt],
  );
}

/** The same id the aggregate gives the email or sms target of a new address (`addressTargetId`). */
async function insertAddressTarget(
  sql: Sql,
  r: RecordedEvent,
  providerType: AddressType,
  identifier: string | null,
): Promise<void> {
  if (identifier === null) return;
  const taken = await userTargetIds(sql, r.streamId);
  const id = addressTargetId(r.streamId, providerType, r.version, (candidate) => taken.has(candidate));
  await insertTarget(sql, r, { id, providerType, identifier, name: '' });
}

/**
 * The aggregate's rule (`followAddress`): the target that has the old address takes the new one, or is deleted
 * with it; without one, a new address gets a new target. Runs before the users row takes the new address.
 */
async function followAddress(
  sql: Sql,
  r: RecordedEvent,
  providerType: AddressType,
  after: string | null,
): Promise<void> {
  const [users] = await sql.execute<RowDataPacket[]>(
    `SELECT ${ADDRESS_COLUMN[providerType]} AS address FROM users WHERE id = ?`,
    [r.streamId],
  );
  const before = (users[0]?.address as string | null | undefined) ?? null;
  const [targets] =
    before === null
      ? [[] as RowDataPacket[]]
      : await sql.execute<RowDataPacket[]>(
          'SELECT id FROM user_targets WHERE user_id = ? AND identifier = ? ORDER BY sequence LIMIT 1',
          [r.streamId, before],
        );
  const target = targets[0] ? String(targets[0].id) : null;
  if (target !== null && after !== null)
    await sql.execute('UPDATE user_targets SET identifier = ?, updated_at = ? WHERE id = ?', [
      after,
      r.occurredAt,
      target,
    ]);
  else if (target !== null) await sql.execute('DELETE FROM user_targets WHERE id = ?', [target]);
  else await insertAddressTarget(sql, r, providerType, after);
}

/**
 * Keeps `user_targets` in step with the user streams (part of the users projection: same transaction, same
 * rebuild). Called for every user event before the users row is updated.
 */
export async function projectUserTargets(sql: Sql, r: RecordedEvent<UserEvent>): Promise<void> {
  const event = r.event;
  switch (event.type) {
    case UserCreatedEvent.type:
      await insertAddressTarget(sql, r, 'email', event.data.email);
      await insertAddressTarget(sql, r, 'sms', event.data.phone);
      return;
    case UserEmailChangedEvent.type:
      return followAddress(sql, r, 'email', event.data.email);
    case UserPhoneChangedEvent.type:
      return followAddress(sql, r, 'sms', event.data.phone);
    case UserDeletedEvent.type:
      await sql.execute('DELETE FROM user_targets WHERE user_id = ?', [r.streamId]);
      return;
    case UserTargetCreatedEvent.type:
      return insertTarget(sql, r, {
        id: event.data.targetId,
        providerType: event.data.providerType,
        // Erased (crypto-shredded) personal data decodes as null.
        identifier: event.data.identifier ?? '',
        name: event.data.name ?? '',
      });
    case UserTargetUpdatedEvent.type:
      await sql.execute('UPDATE user_targets SET identifier = ?, name = ?, updated_at = ? WHERE id = ?', [
        event.data.identifier ?? '',
        event.data.name ?? '',
        r.occurredAt,
        event.data.targetId,
      ]);
      return;
    case UserTargetDeletedEvent.type:
      await sql.execute('DELETE FROM user_targets WHERE id = ?', [event.data.targetId]);
      return;
  }
}
