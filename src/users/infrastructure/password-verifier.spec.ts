import { createHash } from 'node:crypto';
import { Argon2Hasher } from '@libs/passwords';
import { PasswordVerifier } from './password-verifier';
import type { UserView } from '../queries/user.view';

// Small parameters keep the spec fast; the decisions do not depend on them.
const argon2 = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

const row = (password: string | null, hash: string, hashOptions: Record<string, unknown>) =>
  ({ password, hash, hashOptions }) as UserView;

const md5User = row(createHash('md5').update('right password').digest('hex'), 'md5', { type: 'md5' });

describe('PasswordVerifier', () => {
  let verifier: PasswordVerifier;
  let argon2Verify: jest.SpyInstance;
  beforeEach(() => {
    verifier = new PasswordVerifier(argon2);
    argon2Verify = jest.spyOn(argon2, 'verify');
  });
  afterEach(() => argon2Verify.mockRestore());

  it('verifies the decoy for an unknown user and for a user without a password', async () => {
    expect(await verifier.verify('anything', undefined)).toEqual({ verified: false, needsRehash: false });
    expect(await verifier.verify('anything', row(null, 'argon2', {}))).toEqual({
      verified: false,
      needsRehash: false,
    });
    expect(argon2Verify).toHaveBeenCalledTimes(2);
  });

  it('pads a failed fast hash with the decoy, and only a failed one', async () => {
    expect(await verifier.verify('wrong password', md5User)).toEqual({ verified: false, needsRehash: false });
    expect(argon2Verify).toHaveBeenCalledTimes(1);
    argon2Verify.mockClear();
    expect(await verifier.verify('right password', md5User)).toEqual({ verified: true, needsRehash: true });
    expect(argon2Verify).not.toHaveBeenCalled();
  });

  it('does not pad argon2id at the current parameters: it is the decoy work already', async () => {
    const stored = await argon2.hash('right password');
    const user = row(stored.hash, 'argon2', stored.options);
    argon2Verify.mockClear();
    expect(await verifier.verify('wrong password', user)).toEqual({ verified: false, needsRehash: false });
    expect(argon2Verify).toHaveBeenCalledTimes(1);
  });

  it('does not pad a hash that took longer than the decoy', async () => {
    await verifier.verify('x', undefined);
    argon2Verify.mockClear();
    const slow = new Argon2Hasher({ memoryCost: 32768, timeCost: 3, parallelism: 1 });
    const stored = await slow.hash('right password');
    expect(await verifier.verify('wrong password', row(stored.hash, 'argon2', stored.options))).toEqual({
      verified: false,
      needsRehash: false,
    });
    expect(argon2Verify).toHaveBeenCalledTimes(1);
  });
});
