import { Module } from '@nestjs/common';
import { SessionProjection } from './infrastructure/session.projection';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionsReader } from './infrastructure/sessions.reader';
import { RevokeSessionsOnUserChangeProcessor } from './workers/revoke-sessions-on-user-change.processor';
import { SessionSweepProjection } from './infrastructure/session-sweep.projection';
import { SessionSweepRepository } from './infrastructure/session-sweep.repository';
import { SessionSweepsReader } from './infrastructure/session-sweeps.reader';
import { SessionSweepProcessor } from './workers/session-sweep.processor';

/** Sessions: revocation on user changes and "revoke every session" sweeps (worker side). */
@Module({
  providers: [
    SessionRepository,
    SessionProjection,
    SessionsReader,
    RevokeSessionsOnUserChangeProcessor,
    SessionSweepRepository,
    SessionSweepProjection,
    SessionSweepsReader,
    SessionSweepProcessor,
  ],
})
export class SessionsWorkerModule {}
