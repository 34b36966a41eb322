import { subscription } from '../../relay';
import { SessionSweepRequestedEvent } from '../domain/events';

/** A "revoke every session" request is carried out by the sweep worker. */
export const SESSION_SWEEP = subscription({ queue: 'session-sweep', events: [SessionSweepRequestedEvent] });
