import { Module } from '@nestjs/common';

/** Sessions: revocation on user changes (worker side). */
@Module({})
export class SessionsWorkerModule {}
