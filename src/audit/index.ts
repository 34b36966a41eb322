/** The audit module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { AuditWorkerModule } from './audit-worker.module';
export { AuditModule } from './audit.module';
export { ACTIVITY_LOG } from './workers/activity-log.subscription';
export { ListUserLogsQuery } from './queries/list-user-logs/list-user-logs.query';
export { toLogModel } from './infrastructure/log.mapper';
export { LogModel } from './dtos/log.response.dto';
export { auditEventName, subjectUserId } from './audit-event-names';
export { anonymizeUserLogs } from './infrastructure/activity-log-erasure';
