import type { RecordedEvent } from '@libs/event-store';
import { formatDateTime } from '@libs/http';
import type { AnyEvent } from '../../events';
import type { UserEventModel } from '../dtos/user-event.response.dto';
import { HistoryViewer, shownData } from '../history-data';

/** A decoded event → its history model; metadata the event was appended without reads as `""` (a guest). */
export function toUserEventModel(recorded: RecordedEvent<AnyEvent>, viewer: HistoryViewer): UserEventModel {
  const { metadata } = recorded;
  return {
    $id: recorded.id,
    type: recorded.event.type,
    streamType: recorded.streamType,
    streamId: recorded.streamId,
    version: recorded.version,
    position: recorded.position,
    occurredAt: formatDateTime(recorded.occurredAt),
    actor: metadata.actor
      ? {
          type: metadata.actor.type,
          id: metadata.actor.id,
          ...(metadata.actor.impersonatorId ? { impersonatorId: metadata.actor.impersonatorId } : {}),
        }
      : { type: 'guest', id: '' },
    requestId: metadata.requestId ?? '',
    ip: metadata.ip ?? '',
    userAgent: metadata.userAgent ?? '',
    data: shownData(recorded.event, viewer),
  };
}
