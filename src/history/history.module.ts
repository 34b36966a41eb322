import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { HistoryReader } from './infrastructure/history.reader';
import { ExportUserController } from './queries/export-user/export-user.controller';
import { ExportUserHandler } from './queries/export-user/export-user.handler';
import { ListUserEventsController } from './queries/list-user-events/list-user-events.controller';
import { ListUserEventsHandler } from './queries/list-user-events/list-user-events.handler';

/** Extensions over the event log: a user's history and the personal-data export. */
@Module({
  imports: [SessionsModule],
  controllers: [ListUserEventsController, ExportUserController],
  providers: [HistoryReader, ListUserEventsHandler, ExportUserHandler],
})
export class HistoryModule {}
