import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { ApiKeysRepository } from './infrastructure/api-keys.repository';
import { StartupKeyCheck } from './startup-key-check';

@Module({
  providers: [ApiKeysRepository, StartupKeyCheck, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysRepository],
})
export class AuthModule {}
