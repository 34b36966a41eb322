import { Module } from '@nestjs/common';
import { UsersModule } from '../users';
import { EraseUserController } from './commands/erase-user/erase-user.controller';
import { EraseUserHandler } from './commands/erase-user/erase-user.handler';

/** Erasure (GDPR Art. 17): the one use case that reaches into the read rows of users, sessions, identities and audit. */
@Module({
  imports: [UsersModule],
  controllers: [EraseUserController],
  providers: [EraseUserHandler],
})
export class ErasureModule {}
