import { Module } from '@nestjs/common';
import { RecordAccessTokenUseProcessor } from './workers/record-access-token-use.processor';

/** Access tokens' worker side: `lastUsedAt`. */
@Module({ providers: [RecordAccessTokenUseProcessor] })
export class AccessTokensWorkerModule {}
