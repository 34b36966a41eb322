import type { RecordedEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import { ALL_EVENTS, AnyEvent } from '../../events';
import { webhookPayload, WITHHELD_FIELDS } from './webhook-payload';

const SECRET = 'must-not-leave';

describe('webhookPayload', () => {
  it.each(ALL_EVENTS.classes().map((c) => c.type))('sends no secret of %s', (type) => {
    const data = {
      userId: 'u1',
      name: 'Ada',
      password: SECRET,
      hash: 'argon2',
      hashOptions: { salt: SECRET },
      secretHash: SECRET,
      providerAccessToken: SECRET,
      providerRefreshToken: SECRET,
      secret: SECRET,
      hashes: [SECRET],
    };
    const event = recorded(ALL_EVENTS.toDomain({ type, schemaVersion: 99, data }), {
      streamType: type.split('.')[0],
      streamId: 'x1',
    }) as RecordedEvent<AnyEvent>;
    const payload = webhookPayload(event);
    expect(JSON.stringify(payload)).not.toContain(SECRET);
    for (const field of WITHHELD_FIELDS) expect(payload.data).not.toHaveProperty(field);
    expect(payload).toMatchObject({ type, id: event.id, position: 1, userId: expect.any(String) });
    expect(payload.events[0]).toMatch(/^users\./);
  });
});
