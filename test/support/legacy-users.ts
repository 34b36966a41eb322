import { UserCreatedEvent } from '../../src/users/domain/events';
import { UserRepository } from '../../src/users/infrastructure/user.repository';
import type { TestApp } from './test-app';

/**
 * A user whose id is now reserved (`identities`, `count`…), as one created before the ids were reserved
 * would be: its `user.created` is appended past the aggregate's rule, through the real repository.
 */
export async function createLegacyUser(t: TestApp, userId: string): Promise<void> {
  const users = t.app.get(UserRepository, { strict: false });
  const user = await users.load(userId);
  user.apply(
    new UserCreatedEvent({
      userId,
      name: '',
      email: null,
      phone: null,
      password: null,
      hash: 'argon2',
      hashOptions: { type: 'argon2', memoryCost: 19456, timeCost: 2, threads: 1 },
    }),
  );
  await users.save(user);
}
