import { Module } from '@nestjs/common';
import { UserProjection } from './infrastructure/user.projection';
import { UserRepository } from './infrastructure/user.repository';
import { BanLiftQueue } from './workers/ban-lift.queue';
import { LiftExpiredBansProcessor } from './workers/lift-expired-bans.processor';

/** Users' own reactions (worker side): bans lift themselves when they run out. */
@Module({ providers: [UserRepository, UserProjection, BanLiftQueue, LiftExpiredBansProcessor] })
export class UsersWorkerModule {}
