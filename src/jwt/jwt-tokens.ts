import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { JwtInvalidError } from './jwt.errors';
import { JWT_ALG } from './jwt-keys';
import { JwtKeyRing } from './jwt-key-ring';

/**
 * What a JWT says. `userId` and `sessionId` are Appwrite's claims (`sessionId` is `""` for a JWT bound to
 * no session); `userIncarnation` and `userEpoch` record the user as it was, so that a re-created user or a
 * block or new password since ends a JWT as it ends a session.
 */
export interface JwtClaims {
  userId: string;
  sessionId: string;
  userIncarnation: number;
  userEpoch: number;
}

/** Signs and verifies the account JWTs with the key ring's keys. */
@Injectable()
export class JwtTokens {
  constructor(private readonly keys: JwtKeyRing) {}

  /** `durationSeconds` 0 gives a JWT that is already expired (Appwrite accepts 0 and fails; this signs). */
  async sign(claims: JwtClaims, durationSeconds: number): Promise<string> {
    const key = await this.keys.signingKey();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      userId: claims.userId,
      sessionId: claims.sessionId,
      inc: claims.userIncarnation,
      epo: claims.userEpoch,
    })
      .setProtectedHeader({ alg: JWT_ALG, typ: 'JWT', kid: key.kid })
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + durationSeconds)
      .sign(key.privateKey);
  }

  /** The claims of a JWT this service signed and that has not expired; `JwtInvalidError` otherwise. */
  async verify(token: string): Promise<JwtClaims> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.keys.verificationKey(header.kid);
          if (!key) throw new JwtInvalidError('Unknown signing key');
          return key;
        },
        { algorithms: [JWT_ALG], requiredClaims: ['exp', 'sub'] },
      ));
    } catch (error) {
      if (error instanceof JwtInvalidError) throw error;
      if (error instanceof errors.JWTExpired) throw new JwtInvalidError('Expired token');
      if (error instanceof errors.JOSEError) throw new JwtInvalidError('Invalid token');
      throw error;
    }
    const { userId, sessionId, inc, epo } = payload;
    if (
      typeof userId !== 'string' ||
      typeof sessionId !== 'string' ||
      typeof inc !== 'number' ||
      typeof epo !== 'number'
    )
      throw new JwtInvalidError('Invalid token');
    return { userId, sessionId, userIncarnation: inc, userEpoch: epo };
  }
}
