import type { StoredEvent } from '@libs/event-store';

/** Queue names (kebab-case), one per reaction; each has one processor in the module that reacts. */
export const QUEUES = {
  SESSION_REVOCATION: 'session-revocation',
  ACTIVITY_LOG: 'activity-log',
  IDENTITY_CLEANUP: 'identity-cleanup',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The payload of every relay job: the stored event, with its date as ISO text. Job name = event type, job id = event id. */
export interface EventJobData {
  position: number;
  id: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  occurredAt: string;
}

/** Which events each queue receives. The relay adds a job to a queue only when its predicate accepts the event. */
export const QUEUE_SUBSCRIPTIONS: Record<
  QueueName,
  (event: Pick<StoredEvent, 'type' | 'data' | 'streamType'>) => boolean
> = {
  [QUEUES.SESSION_REVOCATION]: (e) =>
    (e.type === 'user.status.changed' && e.data.status === false) ||
    e.type === 'user.deleted' ||
    // `user.password.rehashed` (the argon2id upgrade at login) is a different event and keeps the sessions.
    e.type === 'user.password.changed',
  [QUEUES.ACTIVITY_LOG]: (e) =>
    e.streamType === 'user' || e.streamType === 'session' || e.streamType === 'identity',
  [QUEUES.IDENTITY_CLEANUP]: (e) => e.type === 'user.deleted',
};

export function toJobData(event: StoredEvent): EventJobData {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
