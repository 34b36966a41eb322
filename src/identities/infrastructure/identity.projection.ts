import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { IdentityCreatedEvent, IdentityDeletedEvent, IdentityEvent } from '../domain/events';
import { identitySearchTokens } from './identity-search-tokens';

/**
 * Keeps the `identities` read table (and its search tokens) in step with the identity streams, inside the
 * append transaction. Depends only on events, so replaying every event into empty tables rebuilds it.
 */
@Injectable()
export class IdentityProjection {
  private readonly handlers: EventHandlers<IdentityEvent, PoolConnection> = {
    [IdentityCreatedEvent.type]: (sql, r) => this.insert(sql, r),
    [IdentityDeletedEvent.type]: async (sql, r) => {
      await sql.execute(
        'DELETE t FROM identity_search_tokens t JOIN identities i ON i.sequence = t.identity_sequence WHERE i.id = ?',
        [r.streamId],
      );
      await sql.execute('DELETE FROM identities WHERE id = ?', [r.streamId]);
    },
  };

  apply(sql: PoolConnection, events: ReadonlyArray<RecordedEvent<IdentityEvent>>): Promise<void> {
    return reduce(this.handlers, sql, events);
  }

  private async insert(sql: PoolConnection, recorded: RecordedEvent<IdentityCreatedEvent>): Promise<void> {
    const event = recorded;
    const d = recorded.event.data;
    const at = event.occurredAt;
    await sql.execute(
      `INSERT INTO identities (id, sequence, version, user_id, provider, provider_uid, provider_email,
         provider_access_token, provider_access_token_expiry, provider_refresh_token, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.identityId,
        event.position,
        event.version,
        d.userId,
        d.provider,
        // Sealed fields read as null once the user's data key is destroyed (a rebuild replaying an erased
        // user, whose rows its erasure then removes again).
        d.providerUid ?? '',
        d.providerEmail ?? '',
        d.providerAccessToken ?? '',
        d.providerAccessTokenExpiry === null ? null : new Date(d.providerAccessTokenExpiry),
        d.providerRefreshToken ?? '',
        at,
        at,
      ],
    );
    const tokens = identitySearchTokens(d);
    if (tokens.length === 0) return;
    // Built with query() because the number of rows varies; every value is still escaped by the driver.
    await sql.query('INSERT INTO identity_search_tokens (token, identity_sequence, field) VALUES ?', [
      tokens.map(([token, field]) => [token, event.position, field]),
    ]);
  }
}
