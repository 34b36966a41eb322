import { Module } from '@nestjs/common';
import { ListUserMembershipsController } from './queries/list-user-memberships/list-user-memberships.controller';
import { ListUserMembershipsHandler } from './queries/list-user-memberships/list-user-memberships.handler';

/** Memberships as the Users API shows them; teams (which own them) come later. */
@Module({
  controllers: [ListUserMembershipsController],
  providers: [ListUserMembershipsHandler],
})
export class MembershipsModule {}
