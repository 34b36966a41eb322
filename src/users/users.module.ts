import { Module } from '@nestjs/common';
import { Argon2Hasher } from '@libs/passwords';
import { APP_CONFIG, AppConfig } from '../config';
import { CreateUserController } from './commands/create-user/create-user.controller';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { DeleteUserController } from './commands/delete-user/delete-user.controller';
import { DeleteUserHandler } from './commands/delete-user/delete-user.handler';
import { ImportUserController } from './commands/import-user/import-user.controller';
import { ImportUserHandler } from './commands/import-user/import-user.handler';
import { ImportUsersBatchController } from './commands/import-users-batch/import-users-batch.controller';
import { ImportUsersBatchHandler } from './commands/import-users-batch/import-users-batch.handler';
import { UpdateUserEmailController } from './commands/update-user-email/update-user-email.controller';
import { UpdateUserEmailHandler } from './commands/update-user-email/update-user-email.handler';
import { UpdateUserEmailVerificationController } from './commands/update-user-email-verification/update-user-email-verification.controller';
import { UpdateUserEmailVerificationHandler } from './commands/update-user-email-verification/update-user-email-verification.handler';
import { UpdateUserLabelsController } from './commands/update-user-labels/update-user-labels.controller';
import { UpdateUserLabelsHandler } from './commands/update-user-labels/update-user-labels.handler';
import { UpdateUserImpersonatorController } from './commands/update-user-impersonator/update-user-impersonator.controller';
import { UpdateUserImpersonatorHandler } from './commands/update-user-impersonator/update-user-impersonator.handler';
import { UpdateUserNameController } from './commands/update-user-name/update-user-name.controller';
import { UpdateUserNameHandler } from './commands/update-user-name/update-user-name.handler';
import { UpdateUserPasswordController } from './commands/update-user-password/update-user-password.controller';
import { UpdateUserPasswordHandler } from './commands/update-user-password/update-user-password.handler';
import { UpdateUserPhoneController } from './commands/update-user-phone/update-user-phone.controller';
import { UpdateUserPhoneHandler } from './commands/update-user-phone/update-user-phone.handler';
import { UpdateUserPhoneVerificationController } from './commands/update-user-phone-verification/update-user-phone-verification.controller';
import { UpdateUserPhoneVerificationHandler } from './commands/update-user-phone-verification/update-user-phone-verification.handler';
import { UpdateUserPrefsController } from './commands/update-user-prefs/update-user-prefs.controller';
import { UpdateUserPrefsHandler } from './commands/update-user-prefs/update-user-prefs.handler';
import { MergeUserPrefsHandler } from './commands/merge-user-prefs/merge-user-prefs.handler';
import { UpdateUserStatusController } from './commands/update-user-status/update-user-status.controller';
import { UpdateUserStatusHandler } from './commands/update-user-status/update-user-status.handler';
import { RehashUserPasswordHandler } from './commands/rehash-user-password/rehash-user-password.handler';
import { WrapLegacyPasswordHashesController } from './commands/wrap-legacy-password-hashes/wrap-legacy-password-hashes.controller';
import { WrapLegacyPasswordHashesHandler } from './commands/wrap-legacy-password-hashes/wrap-legacy-password-hashes.handler';
import { BanUserController } from './commands/ban-user/ban-user.controller';
import { BanUserHandler } from './commands/ban-user/ban-user.handler';
import { LockUserController } from './commands/lock-user/lock-user.controller';
import { LockUserHandler } from './commands/lock-user/lock-user.handler';
import { UnbanUserController } from './commands/unban-user/unban-user.controller';
import { UnbanUserHandler } from './commands/unban-user/unban-user.handler';
import { UnlockUserController } from './commands/unlock-user/unlock-user.controller';
import { UnlockUserHandler } from './commands/unlock-user/unlock-user.handler';
import { AuthenticationFailures } from './infrastructure/authentication-failures';
import { FailedAttempts } from './infrastructure/failed-attempts';
import { GetUserLockoutController } from './queries/get-user-lockout/get-user-lockout.controller';
import { GetUserLockoutHandler } from './queries/get-user-lockout/get-user-lockout.handler';
import { PASSWORD_HASHER } from './infrastructure/password-hashing';
import { PasswordVerifier } from './infrastructure/password-verifier';
import { UserAccessRecorder } from './infrastructure/user-access.recorder';
import { UserProjection } from './infrastructure/user.projection';
import { UserRepository } from './infrastructure/user.repository';
import { UserErasure } from './infrastructure/user-erasure';
import { UsersReader } from './infrastructure/users.reader';
import { GetHashStatsController } from './queries/get-hash-stats/get-hash-stats.controller';
import { GetUserController } from './queries/get-user/get-user.controller';
import { GetUserHandler } from './queries/get-user/get-user.handler';
import { GetUserAsOfHandler } from './queries/get-user-as-of/get-user-as-of.handler';
import { UserReplay } from './infrastructure/user-replay';
import { ListUsersController } from './queries/list-users/list-users.controller';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { CountUsersController } from './queries/count-users/count-users.controller';
import { CountUsersHandler } from './queries/count-users/count-users.handler';
import { ExportUsersController } from './queries/export-users/export-users.controller';
import { ExportUsersHandler } from './queries/export-users/export-users.handler';
import { CreateUserTargetController } from './commands/create-user-target/create-user-target.controller';
import { CreateUserTargetHandler } from './commands/create-user-target/create-user-target.handler';
import { UpdateUserTargetController } from './commands/update-user-target/update-user-target.controller';
import { UpdateUserTargetHandler } from './commands/update-user-target/update-user-target.handler';
import { DeleteUserTargetController } from './commands/delete-user-target/delete-user-target.controller';
import { DeleteUserTargetHandler } from './commands/delete-user-target/delete-user-target.handler';
import { ListUserTargetsController } from './queries/list-user-targets/list-user-targets.controller';
import { ListUserTargetsHandler } from './queries/list-user-targets/list-user-targets.handler';
import { GetUserTargetController } from './queries/get-user-target/get-user-target.controller';
import { GetUserTargetHandler } from './queries/get-user-target/get-user-target.handler';

import { UpdateUserMfaController } from './commands/update-user-mfa/update-user-mfa.controller';
import { UpdateUserMfaHandler } from './commands/update-user-mfa/update-user-mfa.handler';
import { DeleteMfaAuthenticatorController } from './commands/mfa-authenticators/delete-mfa-authenticator.controller';
import {
  AddTotpAuthenticatorHandler,
  DeleteTotpAuthenticatorHandler,
  VerifyTotpAuthenticatorHandler,
} from './commands/mfa-authenticators/mfa-authenticators.handler';
import { MfaRecoveryCodesController } from './commands/mfa-recovery-codes/mfa-recovery-codes.controller';
import { GenerateMfaRecoveryCodesHandler } from './commands/mfa-recovery-codes/mfa-recovery-codes.handler';
import { ResetUserMfaController } from './commands/reset-user-mfa/reset-user-mfa.controller';
import { ResetUserMfaHandler } from './commands/reset-user-mfa/reset-user-mfa.handler';
import { ListMfaFactorsController } from './queries/list-mfa-factors/list-mfa-factors.controller';
import { MfaCodes } from './infrastructure/mfa-codes';

// The list route comes first so that `/v1/users` is registered before the `:userId` routes.
const controllers = [
  ListUsersController,
  GetHashStatsController,
  WrapLegacyPasswordHashesController,
  CreateUserController,
  ImportUsersBatchController,
  ImportUserController,
  GetUserController,
  UpdateUserNameController,
  UpdateUserEmailController,
  UpdateUserPhoneController,
  UpdateUserPasswordController,
  UpdateUserStatusController,
  UpdateUserEmailVerificationController,
  UpdateUserPhoneVerificationController,
  UpdateUserLabelsController,
  UpdateUserImpersonatorController,
  UpdateUserPrefsController,
  DeleteUserController,
  CountUsersController,
  ExportUsersController,
  BanUserController,
  UnbanUserController,
  GetUserLockoutController,
  LockUserController,
  UnlockUserController,
  ListUserTargetsController,
  CreateUserTargetController,
  GetUserTargetController,
  UpdateUserTargetController,
  DeleteUserTargetController,
  UpdateUserMfaController,
  ListMfaFactorsController,
  DeleteMfaAuthenticatorController,
  MfaRecoveryCodesController,
  ResetUserMfaController,
];
const commandHandlers = [
  CreateUserHandler,
  UpdateUserNameHandler,
  UpdateUserEmailHandler,
  UpdateUserPhoneHandler,
  UpdateUserPasswordHandler,
  UpdateUserStatusHandler,
  UpdateUserEmailVerificationHandler,
  UpdateUserPhoneVerificationHandler,
  UpdateUserLabelsHandler,
  UpdateUserImpersonatorHandler,
  UpdateUserPrefsHandler,
  DeleteUserHandler,
  RehashUserPasswordHandler,
  WrapLegacyPasswordHashesHandler,
  ImportUserHandler,
  ImportUsersBatchHandler,
  MergeUserPrefsHandler,
  BanUserHandler,
  UnbanUserHandler,
  LockUserHandler,
  UnlockUserHandler,
  CreateUserTargetHandler,
  UpdateUserTargetHandler,
  DeleteUserTargetHandler,
  UpdateUserMfaHandler,
  AddTotpAuthenticatorHandler,
  VerifyTotpAuthenticatorHandler,
  DeleteTotpAuthenticatorHandler,
  GenerateMfaRecoveryCodesHandler,
  ResetUserMfaHandler,
];
const queryHandlers = [
  GetUserHandler,
  ListUsersHandler,
  CountUsersHandler,
  ExportUsersHandler,
  GetUserLockoutHandler,
  GetUserAsOfHandler,
  ListUserTargetsHandler,
  GetUserTargetHandler,
];

@Module({
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    UserRepository,
    UserErasure,
    UserProjection,
    UsersReader,
    PasswordVerifier,
    UserAccessRecorder,
    FailedAttempts,
    AuthenticationFailures,
    MfaCodes,
    UserReplay,
    {
      provide: PASSWORD_HASHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Argon2Hasher({
          memoryCost: config.ARGON2_MEMORY_COST,
          timeCost: config.ARGON2_TIME_COST,
          parallelism: config.ARGON2_PARALLELISM,
        }),
    },
  ],
  exports: [UsersReader, PasswordVerifier, UserAccessRecorder, AuthenticationFailures, UserErasure, MfaCodes],
})
export class UsersModule {}
