import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { ApiKeysRepository } from './infrastructure/api-keys.repository';

@Module({
  providers: [ApiKeysRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeysRepository],
})
export class AuthModule {}
