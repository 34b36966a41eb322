import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import { Argon2Hasher } from '@libs/passwords';
import { USER_EVENTS } from '../../domain/events';
import { UserAlreadyExistsError } from '../../domain/user.errors';
import { UserProjection } from '../../infrastructure/user.projection';
import { UserRepository } from '../../infrastructure/user.repository';
import { CreateUserCommand, CreateUserHandler } from './create-user.handler';

/** The handler with an in-memory event store: no database, real aggregate rules. */
function setup() {
  const store = new InMemoryEventStore();
  // The read model needs a database; the handler spec checks the events instead.
  const noProjection = { apply: async () => undefined } as unknown as UserProjection;
  const repository = new UserRepository(store as never, new EventDecoder(USER_EVENTS as never), noProjection);
  const handler = new CreateUserHandler(
    repository,
    new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  );
  return { store, handler };
}

describe('CreateUserHandler', () => {
  it('appends user.created with the hash, never the plain password', async () => {
    const { store, handler } = setup();
    await handler.execute(new CreateUserCommand('u1', 'ada@example.com', null, 'plain secret', 'Ada'));
    expect(store.events).toHaveLength(1);
    const [event] = store.events;
    expect(event).toMatchObject({ streamType: 'user', streamId: 'u1', version: 1, type: 'user.created' });
    expect(event.data).toMatchObject({ userId: 'u1', email: 'ada@example.com', hash: 'argon2' });
    expect(String(event.data.password)).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(event)).not.toContain('plain secret');
  });

  it('stores no hash for a user without a password', async () => {
    const { store, handler } = setup();
    await handler.execute(new CreateUserCommand('u2', null, null, '', ''));
    expect(store.events[0].data.password).toBeNull();
  });

  it('refuses a second user with the same email, whatever the id', async () => {
    const { handler, store } = setup();
    await handler.execute(new CreateUserCommand('u1', 'ada@example.com', null, '', ''));
    await expect(
      handler.execute(new CreateUserCommand('u9', 'ada@example.com', null, '', '')),
    ).rejects.toBeInstanceOf(UserAlreadyExistsError);
    expect(store.events).toHaveLength(1);
  });
});
