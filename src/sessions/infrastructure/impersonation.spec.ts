import type { FastifyRequest } from 'fastify';
import type { UsersReader, UserView } from '../../users';
import { UserBlockedError } from '../domain/session.errors';
import type { AccountPrincipal } from './account-principal';
import { Impersonation } from './impersonation';

const user = (id: string, extra: Partial<UserView> = {}) =>
  ({
    id,
    email: `${id}@example.com`,
    phone: `+1415555${id.length}`,
    status: true,
    impersonator: false,
    ...extra,
  }) as UserView;

const admin = user('admin', { impersonator: true });
const ada = user('ada', { email: 'ada@example.com', phone: '+14155550100' });
const bob = user('bob', { email: 'bob@example.com' });
const blocked = user('blocked', { status: false });
const everyone = [admin, ada, bob, blocked];

function setup() {
  const reader = {
    findById: jest.fn(async (id: string) => everyone.find((u) => u.id === id)),
    findByEmail: jest.fn(async (email: string) => everyone.find((u) => u.email === email)),
    findByPhone: jest.fn(async (phone: string) => everyone.find((u) => u.phone === phone)),
  };
  const impersonation = new Impersonation(reader as unknown as UsersReader);
  const resolve = (caller: UserView, headers: Record<string, string>) =>
    impersonation.resolve({ headers } as unknown as FastifyRequest, {
      user: caller,
      session: { id: 's1' } as AccountPrincipal['session'],
      via: 'session',
    });
  return { reader, resolve };
}

describe('Impersonation', () => {
  it('acts as the user the id names, keeping the impersonator and no session', async () => {
    const { resolve } = setup();
    expect(await resolve(admin, { 'x-appwrite-impersonate-user-id': 'ada' })).toEqual({
      user: ada,
      via: 'session',
      impersonator: admin,
    });
  });

  it('takes the id, then the email (lower-cased), then the phone', async () => {
    const { resolve, reader } = setup();
    const all = {
      'x-appwrite-impersonate-user-id': 'bob',
      'x-appwrite-impersonate-user-email': 'ADA@example.com',
      'x-appwrite-impersonate-user-phone': '+14155550100',
    };
    expect((await resolve(admin, all)).user).toBe(bob);
    const { 'x-appwrite-impersonate-user-id': _id, ...emailAndPhone } = all;
    expect((await resolve(admin, emailAndPhone)).user).toBe(ada);
    expect(reader.findByEmail).toHaveBeenCalledWith('ada@example.com');
    expect((await resolve(admin, { 'x-appwrite-impersonate-user-phone': '+14155550100' })).user).toBe(ada);
  });

  it('leaves the principal as it is for a caller without the flag, without a header, or naming nobody', async () => {
    const { resolve, reader } = setup();
    const plain = await resolve(bob, { 'x-appwrite-impersonate-user-id': 'ada' });
    expect(plain).toMatchObject({ user: bob, session: { id: 's1' } });
    expect(plain.impersonator).toBeUndefined();
    expect(reader.findById).not.toHaveBeenCalled();
    expect((await resolve(admin, {})).user).toBe(admin);
    expect(
      (await resolve(admin, { 'x-appwrite-impersonate-user-id': 'nobody' })).impersonator,
    ).toBeUndefined();
    expect((await resolve(admin, { 'x-appwrite-impersonate-user-id': 'x'.repeat(400) })).user).toBe(admin);
  });

  it('refuses a blocked target with user_blocked', async () => {
    const { resolve } = setup();
    await expect(resolve(admin, { 'x-appwrite-impersonate-user-id': 'blocked' })).rejects.toBeInstanceOf(
      UserBlockedError,
    );
  });
});
