import type { DomainEvent, RecordedEvent } from '../types';

/** A recorded event for specs: the domain event with a plausible envelope, overridable field by field. */
export function recorded<E extends DomainEvent>(
  event: E,
  envelope: Partial<Omit<RecordedEvent<E>, 'event'>> = {},
): RecordedEvent<E> {
  return {
    position: 1,
    id: '0190a000-0000-7000-8000-000000000001',
    streamType: event.type.split('.')[0],
    streamId: 's1',
    version: 1,
    metadata: {},
    occurredAt: new Date('2026-01-02T03:04:05.678Z'),
    erased: [],
    ...envelope,
    event,
  };
}
