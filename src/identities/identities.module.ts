import { Module } from '@nestjs/common';
import { CreateIdentityController } from './commands/create-identity/create-identity.controller';
import { CreateIdentityHandler } from './commands/create-identity/create-identity.handler';
import { DeleteIdentityController } from './commands/delete-identity/delete-identity.controller';
import { DeleteIdentityHandler } from './commands/delete-identity/delete-identity.handler';
import { IdentitiesReader } from './infrastructure/identities.reader';
import { IdentityProjection } from './infrastructure/identity.projection';
import { IdentityRepository } from './infrastructure/identity.repository';
import { ListIdentitiesController } from './queries/list-identities/list-identities.controller';
import { ListIdentitiesHandler } from './queries/list-identities/list-identities.handler';

const controllers = [ListIdentitiesController, DeleteIdentityController, CreateIdentityController];
const commandHandlers = [CreateIdentityHandler, DeleteIdentityHandler];
const queryHandlers = [ListIdentitiesHandler];

/** Identities: endpoints, aggregate, projection (API side). */
@Module({
  controllers,
  providers: [...commandHandlers, ...queryHandlers, IdentityRepository, IdentityProjection, IdentitiesReader],
})
export class IdentitiesModule {}
