/** The access tokens module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { AccessTokensModule } from './access-tokens.module';
export { AccessTokensWorkerModule } from './access-tokens-worker.module';
export { AccessTokenAuthentication } from './infrastructure/access-token-authentication';
export { InvalidAccessTokenError } from './domain/access-token.errors';
export { AccessTokenProjection } from './infrastructure/access-token.projection';
export { purgeUserAccessTokens } from './infrastructure/access-token-erasure';
export { ACCESS_TOKEN_CLEANUP } from './workers/access-token-cleanup.subscription';
export { ListUserAccessTokensQuery } from './queries/list-access-tokens/list-access-tokens.handler';
export { AccessTokenModel } from './dtos/access-token.response.dto';
