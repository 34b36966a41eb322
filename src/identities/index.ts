/** The identities module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { IdentitiesWorkerModule } from './identities-worker.module';
export { IdentitiesModule } from './identities.module';
export { IDENTITY_CLEANUP } from './workers/identity-cleanup.subscription';
export { ListIdentitiesQuery } from './queries/list-identities/list-identities.handler';
export { toIdentityModel } from './infrastructure/identity.mapper';
export { IdentityModel } from './dtos/identity.response.dto';
export { IdentityProjection } from './infrastructure/identity.projection';
export { purgeUserIdentities } from './infrastructure/identity-erasure';
