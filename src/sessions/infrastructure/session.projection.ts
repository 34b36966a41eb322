import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { SESSION_STREAM } from '../domain/events';
import type { SessionCreatedData } from '../domain/events';

/** Keeps the `sessions` read table in step with session streams, inside the append transaction. */
@Injectable()
export class SessionProjection {
  async apply(sql: PoolConnection, events: StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.streamType !== SESSION_STREAM) continue;
      if (event.type === 'session.created')
        await this.insert(sql, event, event.data as unknown as SessionCreatedData);
      if (event.type === 'session.revoked') {
        await sql.execute(
          'UPDATE sessions SET revoked_at = ?, revoke_reason = ?, updated_at = ?, version = ? WHERE id = ?',
          [event.occurredAt, String(event.data.reason), event.occurredAt, event.version, event.streamId],
        );
      }
    }
  }

  private async insert(sql: PoolConnection, event: StoredEvent, d: SessionCreatedData): Promise<void> {
    await sql.execute(
      `INSERT INTO sessions (id, user_id, user_incarnation, user_epoch, version, secret_hash, provider, provider_uid, expire, ip, os_code, os_name,
         os_version, client_type, client_code, client_name, client_version, client_engine, client_engine_version,
         device_name, device_brand, device_model, country_code, country_name, factors, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.sessionId,
        d.userId,
        // Schema 1 rows were made before sessions recorded their user: 0 binds them to nobody.
        d.userIncarnation ?? 0,
        d.userEpoch ?? 0,
        event.version,
        d.secretHash,
        d.provider,
        d.providerUid,
        new Date(d.expire),
        d.ip,
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
        event.occurredAt,
        event.occurredAt,
      ],
    );
  }
}
