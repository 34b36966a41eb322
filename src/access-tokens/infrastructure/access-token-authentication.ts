import { Injectable } from '@nestjs/common';
import { mayAuthenticate, type UserView } from '../../users';
import { InvalidAccessTokenError } from '../domain/access-token.errors';
import { ACCESS_TOKEN_PREFIX, hashAccessTokenSecret } from './access-token-secret';
import { AccessTokensReader } from './access-tokens.reader';
import { AccessTokenUseRecorder } from './access-token-use.recorder';

/** Longer than any secret this service issues: refused before hashing. */
const MAX_SECRET_LENGTH = 512;

/**
 * Who a personal access token acts for. An unknown, disabled, expired or deleted token, or one of a deleted (or
 * deleted and re-created) user, is `user_invalid_token`; a blocked or banned user's token is returned, so that
 * the caller applies users' access policy (`user_blocked`), as it does for sessions.
 */
@Injectable()
export class AccessTokenAuthentication {
  constructor(
    private readonly reader: AccessTokensReader,
    private readonly uses: AccessTokenUseRecorder,
  ) {}

  /** Whether `credential` has the form of a personal access token (so no other authenticator should try it). */
  static isAccessToken(credential: string): boolean {
    return credential.startsWith(ACCESS_TOKEN_PREFIX);
  }

  async authenticate(secret: string): Promise<UserView> {
    if (secret.length > MAX_SECRET_LENGTH) throw new InvalidAccessTokenError();
    const found = await this.reader.findUsableBySecretHash(hashAccessTokenSecret(secret));
    if (!found) throw new InvalidAccessTokenError();
    // A blocked user's attempt is no use of the token.
    if (mayAuthenticate(found.user).allowed)
      this.uses.record({ id: found.token.id, last_used_at: found.token.last_used_at });
    return found.user;
  }
}
