import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import {
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserEmailVerificationChangedEvent,
  UserEvent,
  UserLabelsChangedEvent,
  UserNameChangedEvent,
  UserPasswordChangedEvent,
  UserPasswordRehashedEvent,
  UserPhoneChangedEvent,
  UserPhoneVerificationChangedEvent,
  UserPrefsUpdatedEvent,
  UserStatusChangedEvent,
  UserBannedEvent,
  UserUnbannedEvent,
  UserLockedEvent,
  UserUnlockedEvent,
  UserTargetCreatedEvent,
  UserTargetUpdatedEvent,
  UserTargetDeletedEvent,
  UserErasedEvent,
  UserImpersonatorChangedEvent,
  UserMfaChangedEvent,
  UserMfaRecoveryCodeUsedEvent,
  UserMfaRecoveryCodesGeneratedEvent,
  UserMfaResetEvent,
  UserMfaTotpAddedEvent,
  UserMfaTotpRemovedEvent,
  UserMfaTotpVerifiedEvent,
} from '../domain/events';
import { endsSessions, keptSessionOf } from '../domain/user-access.policy';
import { EMAIL_METADATA_COLUMNS, emailMetadataValues, setEmailMetadata } from './user-email-metadata';
import { SearchableUser, userSearchTokens } from './user-search-tokens';
import { projectUserTargets } from './user-targets.projection';

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

type Value = string | number | Date | null;

/**
 * `kept_session_epoch` is assigned first, so it reads the previous kept session and epoch whether the server
 * assigns left to right (MySQL) or simultaneously (MariaDB's SIMULTANEOUS_ASSIGNMENT).
 */
const MOVE_SESSION_EPOCH =
  'UPDATE users SET kept_session_epoch = IF(kept_session_id <=> ?, kept_session_epoch, session_epoch), ' +
  'kept_session_id = ?, session_epoch = ? WHERE id = ?';

/** `UPDATE users SET <assignments>, version, updated_at` for the event's user. */
async function set(sql: Sql, recorded: RecordedEvent, assignments: string, values: Value[]): Promise<void> {
  await sql.execute(`UPDATE users SET ${assignments}, version = ?, updated_at = ? WHERE id = ?`, [
    ...values,
    recorded.version,
    recorded.occurredAt,
    recorded.streamId,
  ]);
}

/**
 * Keeps the `users` read table (and its search tokens) in step with the user streams. Runs inside the append
 * transaction, so a request reads its own writes; depends only on events and its own rows, so replaying
 * every event into empty tables rebuilds the same rows. `session_epoch` moves on every event that ends the
 * user's sessions, as users' access policy says (see the session-epochs migration).
 */
@Injectable()
export class UserProjection {
  private readonly handlers: EventHandlers<UserEvent, Sql> = {
    [UserCreatedEvent.type]: (sql, r) => this.insert(sql, r),
    [UserNameChangedEvent.type]: async (sql, r) => {
      await set(sql, r, 'name = ?', [r.event.data.name ?? '']);
      await this.reindex(sql, r.streamId);
    },
    [UserEmailChangedEvent.type]: async (sql, r) => {
      await set(sql, r, 'email = ?, email_verification = 0', [r.event.data.email]);
      await setEmailMetadata(sql, r.streamId, r.event.data.email);
      await this.reindex(sql, r.streamId);
    },
    [UserPhoneChangedEvent.type]: async (sql, r) => {
      await set(sql, r, 'phone = ?, phone_verification = 0', [r.event.data.phone]);
      await this.reindex(sql, r.streamId);
    },
    [UserPasswordChangedEvent.type]: (sql, r) =>
      set(sql, r, 'password = ?, hash = ?, hash_options = ?, password_update = ?', [
        r.event.data.password,
        r.event.data.hash,
        JSON.stringify(r.event.data.hashOptions),
        r.occurredAt,
      ]),
    [UserPasswordRehashedEvent.type]: (sql, r) =>
      set(sql, r, 'password = ?, hash = ?, hash_options = ?', [
        r.event.data.password,
        r.event.data.hash,
        JSON.stringify(r.event.data.hashOptions),
      ]),
    // A block is a ban without reason or expiry, and unblocking lifts any ban: either way the ban's fields go.
    [UserStatusChangedEvent.type]: (sql, r) =>
      set(sql, r, 'status = ?, ban_reason = NULL, ban_expires_at = NULL', [r.event.data.status ? 1 : 0]),
    [UserEmailVerificationChangedEvent.type]: (sql, r) =>
      set(sql, r, 'email_verification = ?', [r.event.data.emailVerification ? 1 : 0]),
    [UserPhoneVerificationChangedEvent.type]: (sql, r) =>
      set(sql, r, 'phone_verification = ?', [r.event.data.phoneVerification ? 1 : 0]),
    [UserLabelsChangedEvent.type]: async (sql, r) => {
      await set(sql, r, 'labels = ?', [JSON.stringify(r.event.data.labels)]);
      await this.reindex(sql, r.streamId);
    },
    [UserImpersonatorChangedEvent.type]: (sql, r) =>
      set(sql, r, 'impersonator = ?', [r.event.data.impersonator ? 1 : 0]),
    [UserPrefsUpdatedEvent.type]: (sql, r) => set(sql, r, 'prefs = ?', [JSON.stringify(r.event.data.prefs)]),
    [UserDeletedEvent.type]: async (sql, r) => {
      await sql.execute(
        'DELETE t FROM user_search_tokens t JOIN users u ON u.sequence = t.user_sequence WHERE u.id = ?',
        [r.streamId],
      );
      await sql.execute('DELETE FROM users WHERE id = ?', [r.streamId]);
    },
    [UserBannedEvent.type]: (sql, r) =>
      set(sql, r, 'status = 0, ban_reason = ?, ban_expires_at = ?', [
        r.event.data.reason,
        r.event.data.expiresAt === null ? null : new Date(r.event.data.expiresAt),
      ]),
    [UserUnbannedEvent.type]: (sql, r) =>
      set(sql, r, 'status = 1, ban_reason = NULL, ban_expires_at = NULL', []),
    [UserLockedEvent.type]: (sql, r) => set(sql, r, 'locked_until = ?', [new Date(r.event.data.until)]),
    [UserUnlockedEvent.type]: (sql, r) => set(sql, r, 'locked_until = NULL', []),
    // Targets are rows of their own (`user_targets`); the user row only moves to the stream's version.
    [UserTargetCreatedEvent.type]: (sql, r) => this.bumpVersion(sql, r),
    [UserTargetUpdatedEvent.type]: (sql, r) => this.bumpVersion(sql, r),
    [UserTargetDeletedEvent.type]: (sql, r) => this.bumpVersion(sql, r),
    // The `user.deleted` before it removed the rows; the erasure's other steps run beside the append.
    [UserErasedEvent.type]: async () => {},
    // Appwrite keeps authenticators in a collection of their own (the user's `updatedAt` stays); MFA and the
    // recovery codes are attributes of the user.
    [UserMfaChangedEvent.type]: (sql, r) => set(sql, r, 'mfa = ?', [r.event.data.mfa ? 1 : 0]),
    [UserMfaTotpAddedEvent.type]: (sql, r) => this.setTotp(sql, r, false),
    [UserMfaTotpVerifiedEvent.type]: (sql, r) => this.setTotp(sql, r, true),
    [UserMfaTotpRemovedEvent.type]: (sql, r) => this.setTotp(sql, r, false),
    [UserMfaRecoveryCodesGeneratedEvent.type]: (sql, r) =>
      set(sql, r, 'mfa_recovery_codes = ?', [r.event.data.hashes?.length ?? 0]),
    [UserMfaRecoveryCodeUsedEvent.type]: (sql, r) =>
      set(sql, r, 'mfa_recovery_codes = GREATEST(mfa_recovery_codes, 1) - 1', []),
    [UserMfaResetEvent.type]: (sql, r) => set(sql, r, 'mfa = 0, mfa_totp = 0, mfa_recovery_codes = 0', []),
  };

  async apply(sql: Sql, events: ReadonlyArray<RecordedEvent<UserEvent>>): Promise<void> {
    for (const recorded of events) {
      await projectUserTargets(sql, recorded);
      await reduce(this.handlers, sql, [recorded]);
      // Users' session policy: an event that ends the sessions starts a new epoch (unblocking does not, so
      // the sessions a block ended stay ended). A deleted user has no row left to move.
      if (endsSessions(recorded.event) && recorded.event.type !== UserDeletedEvent.type) {
        // A kept session keeps the epoch it was valid in: the one it was already kept in if it is the same
        // session again, else the epoch now ending. Every other kept session ends with this event.
        const keep = keptSessionOf(recorded.event);
        await sql.execute(MOVE_SESSION_EPOCH, [keep, keep, recorded.position, recorded.streamId]);
      }
    }
  }

  private async setTotp(sql: Sql, recorded: RecordedEvent, verified: boolean): Promise<void> {
    await sql.execute('UPDATE users SET mfa_totp = ?, version = ? WHERE id = ?', [
      verified ? 1 : 0,
      recorded.version,
      recorded.streamId,
    ]);
  }

  private async bumpVersion(sql: Sql, recorded: RecordedEvent): Promise<void> {
    await sql.execute('UPDATE users SET version = ? WHERE id = ?', [recorded.version, recorded.streamId]);
  }

  private async insert(sql: Sql, recorded: RecordedEvent<UserCreatedEvent>): Promise<void> {
    const at = recorded.occurredAt;
    const d = recorded.event.data;
    const registered = d.registeredAt ? new Date(d.registeredAt) : at;
    await sql.execute(
      `INSERT INTO users (sequence, session_epoch, id, version, name, email, phone, password, hash, hash_options, status,
         labels, prefs, email_verification, phone_verification, mfa, registration, password_update, accessed_at,
         created_at, updated_at, ${EMAIL_METADATA_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '[]', '{}', 0, 0, 0, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
      [
        recorded.position,
        recorded.position,
        d.userId,
        recorded.version,
        d.name ?? '', // erased (data key destroyed) when a rebuild replays it
        d.email,
        d.phone,
        d.password,
        d.hash,
        JSON.stringify(d.hashOptions),
        registered,
        d.password === null ? null : at,
        registered,
        at,
        ...emailMetadataValues(d.email),
      ],
    );
    // A new user has no tokens yet: no read or delete needed (and no gap lock taken).
    await this.insertTokens(sql, recorded.position, {
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
