import { ALL_EVENTS } from '../../events';
import { subscription } from '../../relay';
import { SESSION_SWEEP_EVENTS } from '../../sessions/domain/events';

/** Events about no one user: a sweep shows in the log as the revocation of each session it ends. */
const NOT_ABOUT_A_USER = new Set<string>(SESSION_SWEEP_EVENTS.classes().map((ctor) => ctor.type));

/** Every user, session and identity event becomes one activity-log row. */
export const ACTIVITY_LOG = subscription({
  queue: 'activity-log',
  events: ALL_EVENTS.classes().filter((ctor) => !NOT_ABOUT_A_USER.has(ctor.type)),
});
