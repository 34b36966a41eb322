import type { RecordedEvent } from '@libs/event-store';
import { auditEventName, subjectUserId } from '../../audit';
import type { AnyEvent } from '../../events';

const SUB_RESOURCES = ['sessions', 'identities', 'targets', 'access-tokens'] as const;

/**
 * Every Appwrite event name an event answers to, as Appwrite's `Event::generateEvents` builds them from the
 * one name the activity log uses (`users.{userId}.update.status`): the name, the name without the action's
 * detail (`users.{userId}.update`), each resource above it (`users.{userId}.sessions.{sessionId}`,
 * `users.{userId}`), and each of those with any id replaced by `*`. A webhook fires when one of its events
 * is in this list, so `users.*`, `users.*.update.status` and `users.*.sessions.*.delete` are plain matches.
 */
export function webhookEventNames(recorded: RecordedEvent<AnyEvent>): string[] {
  const name = auditEventName(recorded);
  const userId = subjectUserId(recorded);
  // Ids may hold dots: the structure comes from the known ids, not from splitting the name.
  const rest = name.slice(`users.${userId}.`.length);
  // A target is no stream of its own: its events are on the user's stream and name it in their data.
  const data = recorded.event.data as { targetId?: unknown };
  const subId = typeof data.targetId === 'string' ? data.targetId : recorded.streamId;
  const sub = SUB_RESOURCES.find((s) => rest.startsWith(`${s}.${subId}.`));
  const action = sub ? rest.slice(`${sub}.${subId}.`.length) : rest;
  const verb = action.split('.')[0];

  const templates: string[][] = [];
  const add = (...parts: string[]) => templates.push(parts);
  if (sub) {
    add('users', 'U', sub, 'S', action);
    if (verb !== action) add('users', 'U', sub, 'S', verb);
    add('users', 'U', sub, 'S');
  } else {
    add('users', 'U', action);
    if (verb !== action) add('users', 'U', verb);
  }
  add('users', 'U');

  const names = new Set<string>([name]);
  for (const template of templates) {
    for (const u of [userId, '*']) {
      for (const s of sub ? [subId, '*'] : ['']) {
        names.add(template.map((part) => (part === 'U' ? u : part === 'S' ? s : part)).join('.'));
      }
    }
  }
  return [...names];
}

/** Whether a webhook subscribed to `subscribed` fires for an event answering to `names`. */
export function matchesWebhook(subscribed: readonly string[], names: readonly string[]): boolean {
  return subscribed.some((event) => names.includes(event));
}

const ID = '[A-Za-z0-9][A-Za-z0-9._-]{0,35}';
const SLOT = `(?:${ID}|\\*)`;
const SUBSCRIBABLE = new RegExp(
  `^users\\.${SLOT}(?:\\.(?:create|delete|update(?:\\.[a-z]+)*)|\\.(?:sessions|identities)\\.${SLOT}(?:\\.(?:create|delete))?|\\.(?:targets|access-tokens)\\.${SLOT}(?:\\.(?:create|update|delete))?)?$`,
);

/** Whether a webhook may subscribe to `event`: a name some user, session, identity or target event can answer to. */
export function isSubscribableEvent(event: string): boolean {
  return event.length <= 256 && SUBSCRIBABLE.test(event);
}
