import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { ListAccountLogsController } from './queries/list-account-logs/list-account-logs.controller';
import { ListUserLogsController } from './queries/list-user-logs/list-user-logs.controller';
import { ListUserLogsHandler } from './queries/list-user-logs/list-user-logs.handler';

/** Activity log: the logs endpoints (API side); the account's own logs use the sessions module's guard. */
@Module({
  imports: [SessionsModule],
  controllers: [ListUserLogsController, ListAccountLogsController],
  providers: [ListUserLogsHandler],
})
export class AuditModule {}
