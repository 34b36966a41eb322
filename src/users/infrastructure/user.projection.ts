import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { USER_STREAM } from '../domain/events';
import type { UserCreatedData } from '../domain/events';
import { SearchableUser, userSearchTokens } from './user-search-tokens';

/** A connection inside the append transaction (or a rebuild's connection). */
type Sql = PoolConnection;

interface SearchRow {
  sequence: number;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  labels: string;
}

/** Fields whose change means the search tokens must be rebuilt. */
const SEARCH_EVENTS = new Set([
  'user.name.changed',
  'user.email.changed',
  'user.phone.changed',
  'user.labels.changed',
]);

/**
 * Keeps the `users` read table (and its search tokens) in step with the user streams. Runs inside the append
 * transaction, so a request reads its own writes; depends only on events and its own rows, so replaying
 * every event into empty tables rebuilds the same rows.
 */
@Injectable()
export class UserProjection {
  async apply(sql: Sql, events: StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.streamType !== USER_STREAM) continue;
      await this.applyOne(sql, event);
      if (SEARCH_EVENTS.has(event.type)) await this.reindex(sql, event.streamId);
    }
  }

  private async applyOne(sql: Sql, event: StoredEvent): Promise<void> {
    const at = event.occurredAt;
    const d = event.data;
    const set = (assignments: string, values: unknown[]) =>
      sql.execute(`UPDATE users SET ${assignments}, version = ?, updated_at = ? WHERE id = ?`, [
        ...(values as Array<string | number | Date | null>),
        event.version,
        at,
        event.streamId,
      ]);
    switch (event.type) {
      case 'user.created':
        return this.insert(sql, event, d as unknown as UserCreatedData);
      case 'user.name.changed':
        await set('name = ?', [d.name]);
        return;
      case 'user.email.changed':
        await set('email = ?, email_verification = 0', [d.email]);
        return;
      case 'user.phone.changed':
        await set('phone = ?, phone_verification = 0', [d.phone]);
        return;
      case 'user.password.changed':
        // A new password ends every session made before it (the epoch; see the session-epochs migration).
        await set('password = ?, hash = ?, hash_options = ?, password_update = ?, session_epoch = ?', [
          d.password,
          d.hash,
          JSON.stringify(d.hashOptions),
          at,
          event.position,
        ]);
        return;
      case 'user.password.rehashed':
        await set('password = ?, hash = ?, hash_options = ?', [
          d.password,
          d.hash,
          JSON.stringify(d.hashOptions),
        ]);
        return;
      case 'user.status.changed':
        // Blocking ends the sessions for good; unblocking leaves the epoch, so they stay ended.
        if (d.status) await set('status = 1', []);
        else await set('status = 0, session_epoch = ?', [event.position]);
        return;
      case 'user.email.verification.changed':
        await set('email_verification = ?', [d.emailVerification ? 1 : 0]);
        return;
      case 'user.phone.verification.changed':
        await set('phone_verification = ?', [d.phoneVerification ? 1 : 0]);
        return;
      case 'user.labels.changed':
        await set('labels = ?', [JSON.stringify(d.labels)]);
        return;
      case 'user.prefs.updated':
        await set('prefs = ?', [JSON.stringify(d.prefs)]);
        return;
      case 'user.deleted':
        await sql.execute(
          'DELETE t FROM user_search_tokens t JOIN users u ON u.sequence = t.user_sequence WHERE u.id = ?',
          [event.streamId],
        );
        await sql.execute('DELETE FROM users WHERE id = ?', [event.streamId]);
        return;
      default:
        // An event type this projection does not know changes nothing here (forward compatibility).
        return;
    }
  }

  private async insert(sql: Sql, event: StoredEvent, d: UserCreatedData): Promise<void> {
    const at = event.occurredAt;
    await sql.execute(
      `INSERT INTO users (sequence, session_epoch, id, version, name, email, phone, password, hash, hash_options, status, labels, prefs,
         email_verification, phone_verification, mfa, registration, password_update, accessed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '[]', '{}', 0, 0, 0, ?, ?, NULL, ?, ?)`,
      [
        event.position,
        event.position,
        d.userId,
        event.version,
        d.name,
        d.email,
        d.phone,
        d.password,
        d.hash,
        JSON.stringify(d.hashOptions),
        at,
        d.password === null ? null : at,
        at,
        at,
      ],
    );
    // A new user has no tokens yet: no read or delete needed (and no gap lock taken).
    await this.insertTokens(sql, event.position, {
      id: d.userId,
      name: d.name,
      email: d.email,
      phone: d.phone,
      labels: [],
    });
  }

  private async reindex(sql: Sql, userId: string): Promise<void> {
    const [rows] = await sql.execute(
      'SELECT sequence, id, name, email, phone, labels FROM users WHERE id = ?',
      [userId],
    );
    const row = (rows as SearchRow[])[0];
    if (!row) return;
    await sql.execute('DELETE FROM user_search_tokens WHERE user_sequence = ?', [row.sequence]);
    await this.insertTokens(sql, row.sequence, { ...row, labels: JSON.parse(row.labels) as string[] });
  }

  private async insertTokens(sql: Sql, sequence: number, user: SearchableUser): Promise<void> {
    const tokens = userSearchTokens(user);
    if (tokens.length === 0) return;
    // Built with query() because the number of rows varies; every value is still escaped by the driver.
    await sql.query('INSERT INTO user_search_tokens (token, user_sequence, field) VALUES ?', [
      tokens.map(([token, field]) => [token, sequence, field]),
    ]);
  }
}
