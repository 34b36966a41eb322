/** The auth module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { AuthModule } from './auth.module';
export { ApiKeyEntity } from './infrastructure/api-key.entity';
export { RequireProject, RequireScopes } from './require-scopes.decorator';
