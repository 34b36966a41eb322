import { Module } from '@nestjs/common';
import { RecordUserAccessProcessor } from './workers/record-user-access.processor';

/** Users (worker side): `accessedAt`. */
@Module({ providers: [RecordUserAccessProcessor] })
export class UsersWorkerModule {}
