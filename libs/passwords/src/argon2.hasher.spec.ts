import { Argon2Hasher } from './argon2.hasher';

describe('Argon2Hasher', () => {
  const hasher = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

  it('hashes to argon2id with the configured parameters and Appwrite-shaped options', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored.hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(stored.algorithm).toBe('argon2');
    expect(stored.options).toEqual({ type: 'argon2', memory_cost: 1024, time_cost: 1, threads: 1 });
    expect(hasher.isCurrent(stored)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    await expect(hasher.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', stored)).resolves.toBe(false);
  });

  it("verifies Appwrite's argon2i fixture (API.md §7.3)", async () => {
    const stored = {
      hash: '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI',
      algorithm: 'argon2' as const,
      options: {},
    };
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    await expect(hasher.verify('appwritf', stored)).resolves.toBe(false);
    expect(hasher.isCurrent(stored)).toBe(false);
  });

  // argon2-cffi 25.1 (libargon2, as PHP uses) with salt 'appwrite-salt-16', written in PHP's m,t,p order.
  it.each([
    [
      'Appwrite 1.8.1+ defaults',
      '$argon2id$v=19$m=65536,t=4,p=3$YXBwd3JpdGUtc2FsdC0xNg$FaVIBETFMpwDHczG19Kn6fCZGfzpErY6JPrq32dYZRg',
    ],
    [
      'Appwrite ≤1.8.0 defaults',
      '$argon2id$v=19$m=2048,t=4,p=3$YXBwd3JpdGUtc2FsdC0xNg$5g6fFImWiuLhwftNLyxG3hkYp69i1R/qzsfZ68U1inE',
    ],
  ])('verifies an argon2id hash at %s', async (_name, hash) => {
    const stored = { hash, algorithm: 'argon2' as const, options: {} };
    await expect(hasher.verify('appwrite', stored)).resolves.toBe(true);
    await expect(hasher.verify('appwritf', stored)).resolves.toBe(false);
    expect(hasher.isCurrent(stored)).toBe(false);
  });

  it('treats a malformed hash as a failed verification', async () => {
    await expect(
      hasher.verify('x', { hash: '$argon2id$garbage', algorithm: 'argon2', options: {} }),
    ).resolves.toBe(false);
    for (const hash of ['', '$argon2id$v=19$m=65536,t=4,p=3$YXBw', undefined as unknown as string]) {
      await expect(hasher.verify('x', { hash, algorithm: 'argon2', options: {} })).resolves.toBe(false);
    }
  });
});
