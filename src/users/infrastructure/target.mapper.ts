import { formatDateTime } from '@libs/http';
import type { TargetModel } from '../dtos/user.response.dto';
import type { TargetView } from '../queries/target.view';

/** A target → Appwrite's Target model. No providers exist here, so `providerId` is always null. */
export function toTargetModel(target: TargetView): TargetModel {
  return {
    $id: target.id,
    $createdAt: formatDateTime(target.createdAt),
    $updatedAt: formatDateTime(target.updatedAt),
    name: target.name,
    userId: target.userId,
    providerId: null,
    providerType: target.providerType,
    identifier: target.identifier,
    // Set by Appwrite's messaging when a push provider rejects the token; nothing here expires a target.
    expired: false,
  };
}
