import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { JwtInvalidError } from './jwt.errors';
import type { JwtKeyRing } from './jwt-key-ring';
import { JwtTokens } from './jwt-tokens';

function ring(kid = 'k1') {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keys = {
    signingKey: async () => ({ kid, privateKey, publicKey }),
    verificationKey: async (asked: string | undefined) => (asked === kid ? publicKey : undefined),
  };
  return { keys: keys as unknown as JwtKeyRing, privateKey };
}

const claims = { userId: 'u1', sessionId: 's1', userIncarnation: 3, userEpoch: 4 };

describe('JwtTokens', () => {
  it('verifies what it signed, with Appwrite claims and the user binding', async () => {
    const tokens = new JwtTokens(ring().keys);
    const jwt = await tokens.sign(claims, 900);
    await expect(tokens.verify(jwt)).resolves.toEqual(claims);
  });

  it('refuses a token of another key, an expired one and one without the binding', async () => {
    const mine = ring();
    const tokens = new JwtTokens(mine.keys);
    const other = new JwtTokens(ring().keys);
    await expect(tokens.verify(await other.sign(claims, 900))).rejects.toThrow(JwtInvalidError);
    await expect(tokens.verify(await tokens.sign(claims, 0))).rejects.toThrow(
      'Failed to verify JWT. Expired token',
    );
    const bare = await new SignJWT({ userId: 'u1', sessionId: '' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(mine.privateKey);
    await expect(tokens.verify(bare)).rejects.toThrow(JwtInvalidError);
  });

  it('refuses another algorithm even with a known kid', async () => {
    const tokens = new JwtTokens(ring().keys);
    const hs = await new SignJWT({ ...claims, inc: 3, epo: 4 })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(tokens.verify(hs)).rejects.toThrow(JwtInvalidError);
  });
});
