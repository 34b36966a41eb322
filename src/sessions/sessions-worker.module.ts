import { Module } from '@nestjs/common';
import { SessionProjection } from './infrastructure/session.projection';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionsReader } from './infrastructure/sessions.reader';
import { RevokeSessionsOnUserChangeProcessor } from './workers/revoke-sessions-on-user-change.processor';

/** Sessions: revocation on user changes (worker side). */
@Module({
  providers: [SessionRepository, SessionProjection, SessionsReader, RevokeSessionsOnUserChangeProcessor],
})
export class SessionsWorkerModule {}
