import { Module } from '@nestjs/common';
import { AccessTokensModule } from '../access-tokens';
import { JwtModule } from '../jwt';
import { UsersModule } from '../users';
import { CreateSessionController } from './commands/create-session/create-session.controller';
import { CreateSessionHandler } from './commands/create-session/create-session.handler';
import { LoginRateLimiter } from './commands/login/login-rate-limiter';
import { LoginController } from './commands/login/login.controller';
import { LoginHandler } from './commands/login/login.handler';
import { RevokeUserSessionsController } from './commands/revoke-session/revoke-session.controller';
import { RevokeSessionHandler } from './commands/revoke-session/revoke-session.handler';
import { RevokeAllSessionsController } from './commands/revoke-all-sessions/revoke-all-sessions.controller';
import { RevokeAllSessionsHandler } from './commands/revoke-all-sessions/revoke-all-sessions.handler';
import { SessionSweepProjection } from './infrastructure/session-sweep.projection';
import { SessionSweepRepository } from './infrastructure/session-sweep.repository';
import { SessionSweepsReader } from './infrastructure/session-sweeps.reader';
import { VerifyPasswordController } from './commands/verify-password/verify-password.controller';
import { CreateAccountJwtController } from './commands/create-jwt/create-account-jwt.controller';
import { CreateUserJwtController } from './commands/create-jwt/create-user-jwt.controller';
import { CreateTokenController } from './commands/create-token/create-token.controller';
import { CreateTokenHandler } from './commands/create-token/create-token.handler';
import { CreateTokenSessionController } from './commands/create-token-session/create-token-session.controller';
import { CreateTokenSessionHandler } from './commands/create-token-session/create-token-session.handler';
import { AccessTokenAuthenticator } from './infrastructure/access-token.authenticator';
import { JwtAuthenticator } from './infrastructure/jwt.authenticator';
import { TokenProjection } from './infrastructure/token.projection';
import { TokenRepository } from './infrastructure/token.repository';
import { ACCOUNT_AUTHENTICATORS, AccountAuthenticator } from './infrastructure/account-principal';
import { AccountSessionResolver } from './infrastructure/account-session';
import { Impersonation } from './infrastructure/impersonation';
import { SessionSecretAuthenticator } from './infrastructure/session-secret.authenticator';
import { AccountSessionGuard } from './infrastructure/account-session.guard';
import { SessionProjection } from './infrastructure/session.projection';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionsReader } from './infrastructure/sessions.reader';
import { AccountController } from './queries/account/account.controller';
import { DeleteAccountSessionsController } from './commands/delete-account-sessions/delete-account-sessions.controller';
import { UpdateAccountNameController } from './commands/update-account-name/update-account-name.controller';
import { UpdateAccountPasswordController } from './commands/update-account-password/update-account-password.controller';
import { UpdateAccountPrefsController } from './commands/update-account-prefs/update-account-prefs.controller';
import { UpdateAccountSessionController } from './commands/update-account-session/update-account-session.controller';
import { ExtendSessionHandler } from './commands/update-account-session/update-account-session.handler';
import { OwnSessions } from './infrastructure/own-sessions';
import { ListAccountSessionsController } from './queries/list-account-sessions/list-account-sessions.controller';
import { ListUserSessionsController } from './queries/list-user-sessions/list-user-sessions.controller';

/** Sessions: login, validation (the account API) and the session routes of the Users API. */
import { AccountMfaController } from './commands/account-mfa/account-mfa.controller';
import { AccountMfaAuthenticatorsController } from './commands/account-mfa/account-mfa-authenticators.controller';
import { AccountMfaChallengesController } from './commands/account-mfa/account-mfa-challenges.controller';
import { AccountMfaRecoveryCodesController } from './commands/account-mfa/account-mfa-recovery-codes.controller';
import {
  AddSessionFactorsHandler,
  CompleteMfaChallengeHandler,
  CreateMfaChallengeHandler,
} from './commands/account-mfa/mfa-challenge.handlers';
import { VerifyMfaController } from './commands/verify-mfa/verify-mfa.controller';

@Module({
  imports: [UsersModule, JwtModule, AccessTokensModule],
  controllers: [
    LoginController,
    RevokeAllSessionsController,
    AccountController,
    ListAccountSessionsController,
    DeleteAccountSessionsController,
    UpdateAccountSessionController,
    UpdateAccountNameController,
    UpdateAccountPasswordController,
    UpdateAccountPrefsController,
    ListUserSessionsController,
    CreateSessionController,
    RevokeUserSessionsController,
    VerifyPasswordController,
    CreateTokenController,
    CreateTokenSessionController,
    CreateUserJwtController,
    CreateAccountJwtController,
    AccountMfaController,
    AccountMfaAuthenticatorsController,
    AccountMfaChallengesController,
    AccountMfaRecoveryCodesController,
    VerifyMfaController,
  ],
  providers: [
    CreateSessionHandler,
    CreateMfaChallengeHandler,
    CompleteMfaChallengeHandler,
    AddSessionFactorsHandler,
    RevokeSessionHandler,
    RevokeAllSessionsHandler,
    SessionSweepRepository,
    SessionSweepProjection,
    SessionSweepsReader,
    ExtendSessionHandler,
    LoginHandler,
    LoginRateLimiter,
    SessionRepository,
    SessionProjection,
    SessionsReader,
    OwnSessions,
    AccountSessionResolver,
    Impersonation,
    AccountSessionGuard,
    SessionSecretAuthenticator,
    CreateTokenHandler,
    CreateTokenSessionHandler,
    TokenRepository,
    TokenProjection,
    JwtAuthenticator,
    AccessTokenAuthenticator,
    {
      // Tried in this order; the first credential the request carries decides. The JWT goes first: a JWT sent
      // with a valid session is refused (user_jwt_and_cookie_set), as Appwrite does. A personal access token
      // comes last: a request that also sends a session acts for that session.
      provide: ACCOUNT_AUTHENTICATORS,
      inject: [JwtAuthenticator, SessionSecretAuthenticator, AccessTokenAuthenticator],
      useFactory: (...authenticators: AccountAuthenticator[]) => authenticators,
    },
  ],
  // The guard and its resolver: other modules' account routes (the account's logs) use `RequireSession`.
  exports: [SessionRepository, SessionsReader, AccountSessionGuard, AccountSessionResolver],
})
export class SessionsModule {}
