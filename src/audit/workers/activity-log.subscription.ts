import { ALL_EVENTS } from '../../events';
import { subscription } from '../../relay';

/** Every user, session and identity event becomes one activity-log row. */
export const ACTIVITY_LOG = subscription({ queue: 'activity-log', events: ALL_EVENTS.classes() });
