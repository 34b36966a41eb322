import { Module } from '@nestjs/common';
import { UsersModule } from '../users';
import { CreateSessionController } from './commands/create-session/create-session.controller';
import { CreateSessionHandler } from './commands/create-session/create-session.handler';
import { LoginRateLimiter } from './commands/login/login-rate-limiter';
import { LoginController } from './commands/login/login.controller';
import { LoginHandler } from './commands/login/login.handler';
import {
  LogoutController,
  RevokeUserSessionsController,
} from './commands/revoke-session/revoke-session.controller';
import { RevokeSessionHandler } from './commands/revoke-session/revoke-session.handler';
import { RevokeAllSessionsController } from './commands/revoke-all-sessions/revoke-all-sessions.controller';
import { RevokeAllSessionsHandler } from './commands/revoke-all-sessions/revoke-all-sessions.handler';
import { SessionSweepProjection } from './infrastructure/session-sweep.projection';
import { SessionSweepRepository } from './infrastructure/session-sweep.repository';
import { SessionSweepsReader } from './infrastructure/session-sweeps.reader';
import { VerifyPasswordController } from './commands/verify-password/verify-password.controller';
import { ACCOUNT_AUTHENTICATORS, AccountAuthenticator } from './infrastructure/account-principal';
import { AccountSessionResolver } from './infrastructure/account-session';
import { SessionSecretAuthenticator } from './infrastructure/session-secret.authenticator';
import { AccountSessionGuard } from './infrastructure/account-session.guard';
import { SessionProjection } from './infrastructure/session.projection';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionsReader } from './infrastructure/sessions.reader';
import { AccountController } from './queries/account/account.controller';
import { ListUserSessionsController } from './queries/list-user-sessions/list-user-sessions.controller';

/** Sessions: login, validation (the account API) and the session routes of the Users API. */
@Module({
  imports: [UsersModule],
  controllers: [
    LoginController,
    RevokeAllSessionsController,
    AccountController,
    LogoutController,
    ListUserSessionsController,
    CreateSessionController,
    RevokeUserSessionsController,
    VerifyPasswordController,
  ],
  providers: [
    CreateSessionHandler,
    RevokeSessionHandler,
    RevokeAllSessionsHandler,
    SessionSweepRepository,
    SessionSweepProjection,
    SessionSweepsReader,
    LoginHandler,
    LoginRateLimiter,
    SessionRepository,
    SessionProjection,
    SessionsReader,
    AccountSessionResolver,
    AccountSessionGuard,
    SessionSecretAuthenticator,
    {
      // Tried in this order; the first credential the request carries decides.
      provide: ACCOUNT_AUTHENTICATORS,
      inject: [SessionSecretAuthenticator],
      useFactory: (...authenticators: AccountAuthenticator[]) => authenticators,
    },
  ],
  exports: [SessionRepository, SessionsReader],
})
export class SessionsModule {}
