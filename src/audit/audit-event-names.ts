import type { EventJobData } from '../relay/relay.contract';

type AuditedEvent = Pick<EventJobData, 'type' | 'streamType' | 'streamId' | 'data'>;

/** Appwrite's action suffix for each user event; both verification flags are one `update.verification`. */
const USER_ACTIONS: Readonly<Record<string, string>> = {
  'user.created': 'create',
  'user.name.changed': 'update.name',
  'user.email.changed': 'update.email',
  'user.phone.changed': 'update.phone',
  'user.password.changed': 'update.password',
  'user.password.rehashed': 'update.password.rehash',
  'user.status.changed': 'update.status',
  'user.email.verification.changed': 'update.verification',
  'user.phone.verification.changed': 'update.verification',
  'user.labels.changed': 'update.labels',
  'user.prefs.updated': 'update.prefs',
  'user.deleted': 'delete',
};

const SESSION_ACTIONS: Readonly<Record<string, string>> = {
  'session.created': 'create',
  'session.revoked': 'delete',
};

const IDENTITY_ACTIONS: Readonly<Record<string, string>> = {
  'identity.created': 'create',
  'identity.deleted': 'delete',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The user an event is about: the stream id for user events, `data.userId` for session and identity events.
 * `undefined` when the event names no user.
 */
export function subjectUserId(event: AuditedEvent): string | undefined {
  return event.streamType === 'user' ? event.streamId : text(event.data.userId);
}

/**
 * Appwrite-style event name of a stored event, as listed in activity logs: `users.{userId}.update.email`,
 * `users.{userId}.sessions.{sessionId}.create`, `users.{userId}.identities.{identityId}.delete`.
 * Types without an Appwrite equivalent keep their own name: `<stream>.<id>.<type>`.
 */
export function auditEventName(event: AuditedEvent): string {
  const userId = subjectUserId(event);
  const userAction = USER_ACTIONS[event.type];
  if (event.streamType === 'user' && userAction) return `users.${userId}.${userAction}`;
  const sessionAction = SESSION_ACTIONS[event.type];
  if (event.streamType === 'session' && sessionAction && userId) {
    const sessionId = text(event.data.sessionId) ?? event.streamId;
    return `users.${userId}.sessions.${sessionId}.${sessionAction}`;
  }
  const identityAction = IDENTITY_ACTIONS[event.type];
  if (event.streamType === 'identity' && identityAction && userId) {
    const identityId = text(event.data.identityId) ?? event.streamId;
    return `users.${userId}.identities.${identityId}.${identityAction}`;
  }
  return `${event.streamType}.${event.streamId}.${event.type}`;
}
