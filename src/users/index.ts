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
export { UserProjection } from './infrastructure/user.projection';
