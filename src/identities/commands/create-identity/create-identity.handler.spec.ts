import { QueryBus } from '@nestjs/cqrs';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import { UserNotFoundError } from '../../../users/domain/user.errors';
import { IDENTITY_EVENTS, type IdentityCreatedData } from '../../domain/events';
import { IdentityAlreadyExistsError } from '../../domain/identity.errors';
import type { IdentityProjection } from '../../infrastructure/identity.projection';
import { IdentityRepository } from '../../infrastructure/identity.repository';
import { CreateIdentityCommand, CreateIdentityHandler } from './create-identity.handler';

/** The handler with an in-memory event store and a query bus that knows one user, `u1`. */
function setup() {
  const store = new InMemoryEventStore();
  const decoder = new EventDecoder(IDENTITY_EVENTS as never);
  const noProjection = { apply: async () => undefined } as unknown as IdentityProjection;
  const queryBus = {
    execute: async (query: { userId: string }) => {
      if (query.userId !== 'u1') throw new UserNotFoundError();
      return {};
    },
  } as unknown as QueryBus;
  const handler = new CreateIdentityHandler(
    new IdentityRepository(store as never, decoder, noProjection),
    queryBus,
  );
  return { store, handler };
}

const data = (overrides: Partial<IdentityCreatedData> = {}): IdentityCreatedData => ({
  identityId: 'i1',
  userId: 'u1',
  provider: 'github',
  providerUid: '42',
  providerEmail: '',
  providerAccessToken: '',
  providerAccessTokenExpiry: null,
  providerRefreshToken: '',
  ...overrides,
});

describe('CreateIdentityHandler', () => {
  it('appends identity.created on the identity stream', async () => {
    const { store, handler } = setup();
    await handler.execute(new CreateIdentityCommand(data()));
    expect(store.events).toHaveLength(1);
    expect(store.events[0]).toMatchObject({
      streamType: 'identity',
      streamId: 'i1',
      type: 'identity.created',
      data: data(),
    });
  });

  it('refuses an unknown user before appending anything', async () => {
    const { store, handler } = setup();
    await expect(
      handler.execute(new CreateIdentityCommand(data({ userId: 'nobody' }))),
    ).rejects.toBeInstanceOf(UserNotFoundError);
    expect(store.events).toHaveLength(0);
  });

  it.each([
    ['the same identity id', data({ providerUid: '43' })],
    ['the same provider and provider UID under another id', data({ identityId: 'i2' })],
  ])('refuses %s with 409', async (_name, second) => {
    const { store, handler } = setup();
    await handler.execute(new CreateIdentityCommand(data()));
    await expect(handler.execute(new CreateIdentityCommand(second))).rejects.toBeInstanceOf(
      IdentityAlreadyExistsError,
    );
    expect(store.events).toHaveLength(1);
  });

  it('accepts the same provider UID at another provider', async () => {
    const { store, handler } = setup();
    await handler.execute(new CreateIdentityCommand(data()));
    await handler.execute(new CreateIdentityCommand(data({ identityId: 'i2', provider: 'gitlab' })));
    expect(store.events).toHaveLength(2);
  });
});
