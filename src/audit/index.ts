/** The audit module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { AuditWorkerModule } from './audit-worker.module';
export { AuditModule } from './audit.module';
export { ACTIVITY_LOG } from './workers/activity-log.subscription';
export { auditEventName, subjectUserId } from './audit-event-names';
