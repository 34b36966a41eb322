import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import {
  SessionCreatedEvent,
  SessionEvent,
  SessionExtendedEvent,
  SessionRevokedEvent,
  SessionChallengeCreatedEvent,
  SessionFactorsAddedEvent,
} from '../domain/events';

/** Keeps the `sessions` read table in step with session streams, inside the append transaction. */
@Injectable()
export class SessionProjection {
  private readonly handlers: EventHandlers<SessionEvent, PoolConnection> = {
    [SessionCreatedEvent.type]: (sql, r) => this.insert(sql, r),
    [SessionRevokedEvent.type]: async (sql, r) => {
      await sql.execute(
        'UPDATE sessions SET revoked_at = ?, revoke_reason = ?, updated_at = ?, version = ? WHERE id = ?',
        [r.occurredAt, r.event.data.reason, r.occurredAt, r.version, r.streamId],
      );
    },
    [SessionExtendedEvent.type]: async (sql, r) => {
      await sql.execute('UPDATE sessions SET expire = ?, updated_at = ?, version = ? WHERE id = ?', [
        new Date(r.event.data.expire),
        r.occurredAt,
        r.version,
        r.streamId,
      ]);
    },
    // Challenges live in the session's stream only (its aggregate checks them); the row shows none.
    [SessionChallengeCreatedEvent.type]: async (sql, r) => {
      await sql.execute('UPDATE sessions SET version = ? WHERE id = ?', [r.version, r.streamId]);
    },
    [SessionFactorsAddedEvent.type]: async (sql, r) => {
      const [rows] = await sql.execute('SELECT factors FROM sessions WHERE id = ? FOR UPDATE', [r.streamId]);
      const current = (rows as Array<{ factors: string }>)[0];
      if (!current) return;
      const factors = [...new Set([...(JSON.parse(current.factors) as string[]), ...r.event.data.factors])];
      await sql.execute(
        `UPDATE sessions SET factors = ?, mfa_updated_at = ${r.event.data.challengeId ? '?' : 'mfa_updated_at'},
           updated_at = ?, version = ? WHERE id = ?`,
        [
          JSON.stringify(factors),
          ...(r.event.data.challengeId ? [r.occurredAt] : []),
          r.occurredAt,
          r.version,
          r.streamId,
        ],
      );
    },
  };

  apply(sql: PoolConnection, events: ReadonlyArray<RecordedEvent<SessionEvent>>): Promise<void> {
    return reduce(this.handlers, sql, events);
  }

  private async insert(sql: PoolConnection, recorded: RecordedEvent<SessionCreatedEvent>): Promise<void> {
    const d = recorded.event.data;
    await sql.execute(
      `INSERT INTO sessions (id, user_id, user_incarnation, user_epoch, created_position, version, secret_hash, provider, provider_uid,
         expire, ip, os_code, os_name, os_version, client_type, client_code, client_name, client_version,
         client_engine, client_engine_version, device_name, device_brand, device_model, country_code, country_name,
         factors, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.sessionId,
        d.userId,
        d.userIncarnation,
        d.userEpoch,
        recorded.position,
        recorded.version,
        d.secretHash,
        d.provider,
        d.providerUid ?? '', // sealed: null for an erased user replayed by a rebuild
        new Date(d.expire),
        d.ip ?? '',
        d.osCode,
        d.osName,
        d.osVersion,
        d.clientType,
        d.clientCode,
        d.clientName,
        d.clientVersion,
        d.clientEngine,
        d.clientEngineVersion,
        d.deviceName,
        d.deviceBrand,
        d.deviceModel,
        d.countryCode,
        d.countryName,
        JSON.stringify(d.factors),
        recorded.occurredAt,
        recorded.occurredAt,
      ],
    );
  }
}
