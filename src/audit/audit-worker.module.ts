import { Module } from '@nestjs/common';
import { UsersReadModule } from '../users';
import { ActivityLogProcessor } from './workers/activity-log.processor';
import { LogRetentionProcessor } from './workers/log-retention.processor';

/** Activity log: the processor and the retention job (worker side). Workers start on init, close on shutdown. */
@Module({ imports: [UsersReadModule], providers: [ActivityLogProcessor, LogRetentionProcessor] })
export class AuditWorkerModule {}
