import { AccessTokenProjection, purgeUserAccessTokens } from '../access-tokens';
import { ACCESS_TOKEN_STREAM, isAccessTokenEvent } from '../access-tokens/domain/events';
import { IdentityProjection } from '../identities';
import { IDENTITY_STREAM, isIdentityEvent } from '../identities/domain/events';
import { SessionProjection, SessionSweepProjection, TokenProjection } from '../sessions';
import {
  isSessionEvent,
  isSessionSweepEvent,
  isTokenEvent,
  SESSION_STREAM,
  SESSION_SWEEP_STREAM,
  TOKEN_STREAM,
} from '../sessions/domain/events';
import { isUserEvent, USER_STREAM, UserProjection } from '../users';
import { UserErasedEvent } from '../users/domain/events';
import type { RecordedEvent } from '@libs/event-store';
import type { ReadModel } from './read-model';

/**
 * Replays `events` in order through `project`, and at each `user.erased` runs `purge` for that user: an erasure
 * removes the user's rows from these tables in its own transaction (not through their streams' events), so a
 * rebuild must do the same at the same point, or it would bring the rows back (without their personal fields).
 */
async function withErasures(
  events: ReadonlyArray<RecordedEvent>,
  project: (events: ReadonlyArray<RecordedEvent>) => Promise<void>,
  purge: (userId: string) => Promise<void>,
): Promise<void> {
  let run: RecordedEvent[] = [];
  for (const recorded of events) {
    if (recorded.event.type !== UserErasedEvent.type) {
      if (!isUserEvent(recorded)) run.push(recorded);
      continue;
    }
    await project(run);
    run = [];
    await purge(recorded.streamId);
  }
  await project(run);
}

/**
 * Every read model the projection tools know, by name. A new read table plugs in here: its projection, the
 * streams it reads, its tables with their keys, and the columns events do not determine.
 */
export function readModels(): ReadModel[] {
  const users = new UserProjection();
  const sessions = new SessionProjection();
  const identities = new IdentityProjection();
  const sweeps = new SessionSweepProjection();
  const tokens = new TokenProjection();
  const accessTokens = new AccessTokenProjection();
  return [
    {
      name: 'users',
      streamTypes: [USER_STREAM],
      tables: [
        {
          name: 'users',
          key: ['sequence'],
          ignore: [{ column: 'accessed_at', why: 'set when the user is seen, not by an event' }],
        },
        { name: 'user_search_tokens', key: ['token', 'user_sequence', 'field'] },
        {
          name: 'user_targets',
          key: ['id'],
          ignore: [
            {
              column: 'sequence',
              why: 'an AUTO_INCREMENT insertion order (the rebuild keeps its own)',
              carry: false,
            },
          ],
        },
      ],
      project: (sql, events) => users.apply(sql, events.filter(isUserEvent)),
    },
    {
      name: 'sessions',
      streamTypes: [SESSION_STREAM, USER_STREAM],
      tables: [{ name: 'sessions', key: ['id'] }],
      project: (sql, events) =>
        withErasures(
          events,
          (run) => sessions.apply(sql, run.filter(isSessionEvent)),
          async (userId) => void (await sql.execute('DELETE FROM sessions WHERE user_id = ?', [userId])),
        ),
    },
    {
      name: 'identities',
      streamTypes: [IDENTITY_STREAM, USER_STREAM],
      tables: [
        { name: 'identities', key: ['id'] },
        { name: 'identity_search_tokens', key: ['token', 'identity_sequence', 'field'] },
      ],
      project: (sql, events) =>
        withErasures(
          events,
          (run) => identities.apply(sql, run.filter(isIdentityEvent)),
          async (userId) => {
            await sql.execute(
              'DELETE t FROM identity_search_tokens t JOIN identities i ON i.sequence = t.identity_sequence WHERE i.user_id = ?',
              [userId],
            );
            await sql.execute('DELETE FROM identities WHERE user_id = ?', [userId]);
          },
        ),
    },
    {
      name: 'session-sweeps',
      streamTypes: [SESSION_SWEEP_STREAM],
      tables: [
        {
          name: 'session_sweeps',
          key: ['id'],
          ignore: [
            { column: 'total', why: 'counted by the sweep worker' },
            { column: 'revoked', why: 'progress of the sweep worker until its completion event' },
            { column: 'updated_at', why: 'moved by the sweep worker while it runs' },
          ],
        },
      ],
      project: (sql, events) => sweeps.apply(sql, events.filter(isSessionSweepEvent)),
    },
    {
      name: 'tokens',
      streamTypes: [TOKEN_STREAM, USER_STREAM],
      tables: [{ name: 'tokens', key: ['id'] }],
      project: (sql, events) =>
        withErasures(
          events,
          (run) => tokens.apply(sql, run.filter(isTokenEvent)),
          async (userId) => void (await sql.execute('DELETE FROM tokens WHERE user_id = ?', [userId])),
        ),
    },
    {
      name: 'access-tokens',
      streamTypes: [ACCESS_TOKEN_STREAM, USER_STREAM],
      tables: [
        {
          name: 'access_tokens',
          key: ['id'],
          ignore: [{ column: 'last_used_at', why: 'set when the token is used, not by an event' }],
        },
      ],
      project: (sql, events) =>
        withErasures(
          events,
          (run) => accessTokens.apply(sql, run.filter(isAccessTokenEvent)),
          (userId) => purgeUserAccessTokens(sql, userId),
        ),
    },
  ];
}
