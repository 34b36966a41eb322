import type { RecordedEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import { ALL_EVENTS, AnyEvent } from '../../events';
import type { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { deliveryJobId, WebhookQueues } from '../infrastructure/webhook-queues';
import type { DeliveryJobData, DeliveryRecord, DeliveryStatus } from '../infrastructure/webhook.types';
import { enqueueDelivery } from './webhook-fanout.processor';

const event = recorded(
  ALL_EVENTS.toDomain({ type: 'user.status.changed', schemaVersion: 1, data: { status: false } }),
  {
    streamType: 'user',
    streamId: 'u1',
    position: 7,
  },
) as RecordedEvent<AnyEvent>;

/** The deliveries table in memory, one webhook. */
function fakes(existing?: DeliveryStatus) {
  let row: DeliveryRecord | undefined = existing
    ? ({
        id: 'd1',
        webhookId: 'w1',
        eventId: event.id,
        eventPosition: 7,
        status: existing,
        round: 0,
      } as DeliveryRecord)
    : undefined;
  const deliveries = {
    open: async () => {
      const fresh = !row;
      row ??= {
        id: 'd1',
        webhookId: 'w1',
        eventId: event.id,
        eventPosition: 7,
        status: 'pending',
        round: 0,
      } as DeliveryRecord;
      return { delivery: row, fresh };
    },
    restart: async () => (row = { ...row!, status: 'pending', round: row!.round + 1 }),
  } as unknown as DeliveriesRepository;
  const jobs = new Map<string, DeliveryJobData>();
  const queues = {
    deliver: async (job: DeliveryJobData) => void jobs.set(deliveryJobId(job), job),
  } as WebhookQueues;
  return { deliveries, queues, jobs };
}

describe('enqueueDelivery', () => {
  it('queues a new delivery as round 0, job id = webhook + event + round', async () => {
    const { deliveries, queues, jobs } = fakes();
    await enqueueDelivery(deliveries, queues, 'w1', event, 'users.u1.update.status', false);
    expect([...jobs.keys()]).toEqual([`w1_${event.id}_0`]);
  });

  it('queues a pending delivery again under the same job id (a no-op in BullMQ), nothing twice', async () => {
    const { deliveries, queues, jobs } = fakes('pending');
    await enqueueDelivery(deliveries, queues, 'w1', event, 'n', false);
    await enqueueDelivery(deliveries, queues, 'w1', event, 'n', false);
    expect([...jobs.keys()]).toEqual([`w1_${event.id}_0`]);
  });

  it('leaves a finished delivery alone when the event is redelivered', async () => {
    for (const status of ['delivered', 'failed'] as const) {
      const { deliveries, queues, jobs } = fakes(status);
      await enqueueDelivery(deliveries, queues, 'w1', event, 'n', false);
      expect(jobs.size).toBe(0);
    }
  });

  it('starts a new round of a finished delivery for a replay', async () => {
    const { deliveries, queues, jobs } = fakes('delivered');
    await enqueueDelivery(deliveries, queues, 'w1', event, 'n', true);
    expect([...jobs.values()]).toEqual([
      { deliveryId: 'd1', webhookId: 'w1', eventId: event.id, eventPosition: 7, round: 1 },
    ]);
  });
});
