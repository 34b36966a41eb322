/** The users module's public surface: other modules import this file (or `domain/events`), nothing deeper. */
export * from './domain/events';
export * from './domain/user-access.policy';
export { UserNotFoundError } from './domain/user.errors';
export { UsersModule } from './users.module';
export { UsersReadModule } from './users-read.module';
export { UsersReader } from './infrastructure/users.reader';
export { RehashUserPasswordCommand } from './commands/rehash-user-password/rehash-user-password.handler';
export { UserModel } from './dtos/user.response.dto';
export { PasswordVerifier } from './infrastructure/password-verifier';
export type { VerifyResult } from './infrastructure/password-verifier';
export { toUserModel } from './infrastructure/user.mapper';
export { userViewColumns, userViewFromRow } from './infrastructure/user.row';
export type { UserView } from './queries/user.view';
export { GetUserQuery } from './queries/get-user/get-user.handler';
export { UserAccessRecorder } from './infrastructure/user-access.recorder';
export { AuthenticationFailures } from './infrastructure/authentication-failures';
export { UsersWorkerModule } from './users-worker.module';
export { BAN_EXPIRY } from './workers/ban-expiry.subscription';
export { AccountModel, PreferencesModel } from './dtos/user.response.dto';
export { toAccountModel } from './infrastructure/user.mapper';
export { UpdateUserNameCommand } from './commands/update-user-name/update-user-name.handler';
export { UpdateUserPasswordCommand } from './commands/update-user-password/update-user-password.handler';
export { UpdateUserPrefsCommand } from './commands/update-user-prefs/update-user-prefs.handler';
export { UserProjection } from './infrastructure/user.projection';
export { UserErasure } from './infrastructure/user-erasure';
export type { ErasureStep } from './infrastructure/user-erasure';
export { MfaCodes } from './infrastructure/mfa-codes';
export type { MfaCheck } from './infrastructure/mfa-codes';
export { toMfaFactorsModel } from './infrastructure/mfa.mapper';
export { MfaFactorsModel, MfaRecoveryCodesModel, MfaTypeModel } from './dtos/mfa.response.dto';
export { UpdateUserMfaCommand } from './commands/update-user-mfa/update-user-mfa.handler';
export {
  AddTotpAuthenticatorCommand,
  DeleteTotpAuthenticatorCommand,
  VerifyTotpAuthenticatorCommand,
} from './commands/mfa-authenticators/mfa-authenticators.handler';
export { AuthenticatorTypePipe } from './commands/mfa-authenticators/authenticator-type.pipe';
export { GenerateMfaRecoveryCodesCommand } from './commands/mfa-recovery-codes/mfa-recovery-codes.handler';
export {
  UserAuthenticatorAlreadyVerifiedError,
  UserAuthenticatorNotFoundError,
  UserInvalidTokenError,
  UserRecoveryCodesAlreadyExistsError,
  UserRecoveryCodesNotFoundError,
} from './domain/user.errors';
