import type { TargetProviderType } from '../domain/events';

/** A user's messaging target as the read model has it. */
export interface TargetView {
  id: string;
  userId: string;
  providerType: TargetProviderType;
  identifier: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}
