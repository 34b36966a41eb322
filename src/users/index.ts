/** The users module's public surface: other modules import this file (or `domain/events`), nothing deeper. */
export * from './domain/events';
export * from './domain/user-access.policy';
export { UserNotFoundError } from './domain/user.errors';
export { UsersModule } from './users.module';
export { UsersReadModule } from './users-read.module';
export { UsersReader } from './infrastructure/users.reader';
