/** The sessions module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { sessionCookieName } from './infrastructure/account-session';
export { SessionsWorkerModule } from './sessions-worker.module';
export { SessionsModule } from './sessions.module';
export { SESSION_REVOCATION } from './workers/session-revocation.subscription';
export { SESSION_SWEEP } from './workers/session-sweep.subscription';
export { CurrentSession } from './infrastructure/account-session';
export type { AccountPrincipal } from './infrastructure/account-session';
export { RequireSession } from './infrastructure/require-session.decorator';
export { SessionsReader } from './infrastructure/sessions.reader';
export { toSessionModel } from './infrastructure/session.mapper';
export { SessionModel } from './dtos/session.response.dto';
export { SessionProjection } from './infrastructure/session.projection';
export { SessionSweepProjection } from './infrastructure/session-sweep.projection';
export { TokenProjection } from './infrastructure/token.projection';
export { purgeUserSessions } from './infrastructure/session-erasure';
