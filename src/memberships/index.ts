/** The memberships module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { MembershipsModule } from './memberships.module';
export { ListUserMembershipsQuery } from './queries/list-user-memberships/list-user-memberships.handler';
export { MembershipModel } from './dtos/membership.response.dto';
