import { Module } from '@nestjs/common';

/** Identities: endpoints, aggregate, projection (API side). */
@Module({})
export class IdentitiesModule {}
