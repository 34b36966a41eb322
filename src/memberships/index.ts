/** The memberships module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { MembershipsModule } from './memberships.module';
