import { Module } from '@nestjs/common';

/** Activity log: the logs endpoint (API side). */
@Module({})
export class AuditModule {}
