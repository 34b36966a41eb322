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
import type { ReadModel } from './read-model';

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
      ],
      project: (sql, events) => users.apply(sql, events.filter(isUserEvent)),
    },
    {
      name: 'sessions',
      streamTypes: [SESSION_STREAM],
      tables: [{ name: 'sessions', key: ['id'] }],
      project: (sql, events) => sessions.apply(sql, events.filter(isSessionEvent)),
    },
    {
      name: 'identities',
      streamTypes: [IDENTITY_STREAM],
      tables: [
        { name: 'identities', key: ['id'] },
        { name: 'identity_search_tokens', key: ['token', 'identity_sequence', 'field'] },
      ],
      project: (sql, events) => identities.apply(sql, events.filter(isIdentityEvent)),
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
      streamTypes: [TOKEN_STREAM],
      tables: [{ name: 'tokens', key: ['id'] }],
      project: (sql, events) => tokens.apply(sql, events.filter(isTokenEvent)),
    },
  ];
}
