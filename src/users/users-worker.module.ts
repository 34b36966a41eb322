import { Module } from '@nestjs/common';
import { UserProjection } from './infrastructure/user.projection';
import { UserRepository } from './infrastructure/user.repository';
import { BanLiftQueue } from './workers/ban-lift.queue';
import { LiftExpiredBansProcessor } from './workers/lift-expired-bans.processor';
import { RecordUserAccessProcessor } from './workers/record-user-access.processor';

/** Users' own reactions (worker side): bans lift themselves when they run out; `accessedAt`. */
@Module({
  providers: [
    UserRepository,
    UserProjection,
    BanLiftQueue,
    LiftExpiredBansProcessor,
    RecordUserAccessProcessor,
  ],
})
export class UsersWorkerModule {}
