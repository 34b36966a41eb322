import { subscription } from '../../relay';
import { UserBannedEvent } from '../domain/events';

/** Bans with an expiry get a job that lifts them at that time. */
export const BAN_EXPIRY = subscription<UserBannedEvent>({
  queue: 'ban-expiry',
  events: [UserBannedEvent],
  when: (recorded) => recorded.event.data.expiresAt !== null,
});
