import { Module } from '@nestjs/common';
import { AccessTokenProjection } from './infrastructure/access-token.projection';
import { AccessTokenRepository } from './infrastructure/access-token.repository';
import { AccessTokensReader } from './infrastructure/access-tokens.reader';
import { DeleteAccessTokensOnUserDeletedProcessor } from './workers/delete-access-tokens-on-user-deleted.processor';
import { RecordAccessTokenUseProcessor } from './workers/record-access-token-use.processor';

/** Access tokens' worker side: `lastUsedAt`, and the clean-up when a user is deleted. */
@Module({
  providers: [
    AccessTokenRepository,
    AccessTokenProjection,
    AccessTokensReader,
    RecordAccessTokenUseProcessor,
    DeleteAccessTokensOnUserDeletedProcessor,
  ],
})
export class AccessTokensWorkerModule {}
