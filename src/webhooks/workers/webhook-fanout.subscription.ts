import { ALL_EVENTS } from '../../events';
import { subscription } from '../../relay';

/** Every user, session and identity event is offered to the webhooks (each webhook's events filter it). */
export const WEBHOOK_FANOUT = subscription({ queue: 'webhook-fanout', events: ALL_EVENTS.classes() });
