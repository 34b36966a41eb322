import type { EventSubscription } from '../../relay/relay.contract';

/** Every user, session and identity event becomes one activity-log row. */
export const ACTIVITY_LOG: EventSubscription = {
  queue: 'activity-log',
  accepts: (event) => ['user', 'session', 'identity'].includes(event.streamType),
};
