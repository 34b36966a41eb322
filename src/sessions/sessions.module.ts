import { Module } from '@nestjs/common';

/** Sessions: login, validation, session endpoints (API side). */
@Module({})
export class SessionsModule {}
