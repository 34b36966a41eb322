import { Module } from '@nestjs/common';
import { IdentitiesReader } from './infrastructure/identities.reader';
import { IdentityProjection } from './infrastructure/identity.projection';
import { IdentityRepository } from './infrastructure/identity.repository';
import { RemoveIdentitiesOnUserDeletedProcessor } from './workers/remove-identities-on-user-deleted.processor';

/** Identities: clean-up on user deletion (worker side). */
@Module({
  providers: [
    IdentityRepository,
    IdentityProjection,
    IdentitiesReader,
    RemoveIdentitiesOnUserDeletedProcessor,
  ],
})
export class IdentitiesWorkerModule {}
