import { Module } from '@nestjs/common';

/** Identities: clean-up on user deletion (worker side). */
@Module({})
export class IdentitiesWorkerModule {}
