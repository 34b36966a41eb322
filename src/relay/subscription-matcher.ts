import type { EventDecoder, RecordedEvent, StoredEvent } from '@libs/event-store';
import { accepts, EventSubscription, listensTo } from './relay.contract';

/**
 * Which stored events a subscription accepts. The type decides most of them without decoding; an event is
 * decoded (once, whichever subscriptions ask) only when one with a `when` rule listens to its type.
 */
export class SubscriptionMatcher {
  private readonly decoded = new Map<string, Promise<RecordedEvent>>();

  constructor(private readonly decoder: Pick<EventDecoder, 'decode'>) {}

  async accepts(subscription: EventSubscription, event: StoredEvent): Promise<boolean> {
    if (!listensTo(subscription, event.type)) return false;
    if (!subscription.when) return true;
    let recorded = this.decoded.get(event.id);
    if (!recorded) {
      recorded = this.decoder.decode(event);
      this.decoded.set(event.id, recorded);
    }
    return accepts(subscription, await recorded);
  }

  /** The events `subscription` accepts, in order. */
  async filter(subscription: EventSubscription, events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const verdicts = await Promise.all(events.map((event) => this.accepts(subscription, event)));
    return events.filter((_, i) => verdicts[i]);
  }
}
