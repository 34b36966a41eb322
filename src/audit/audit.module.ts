import { Module } from '@nestjs/common';
import { ListUserLogsController } from './queries/list-user-logs/list-user-logs.controller';
import { ListUserLogsHandler } from './queries/list-user-logs/list-user-logs.handler';

/** Activity log: the logs endpoint (API side). */
@Module({ controllers: [ListUserLogsController], providers: [ListUserLogsHandler] })
export class AuditModule {}
