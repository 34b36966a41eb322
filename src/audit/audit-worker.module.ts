import { Module } from '@nestjs/common';

/** Activity log: the processor and the retention job (worker side). */
@Module({})
export class AuditWorkerModule {}
