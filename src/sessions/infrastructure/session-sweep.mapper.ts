import { formatDateTime } from '@libs/http';
import type { SessionSweepModel } from '../dtos/session-sweep.response.dto';
import type { SessionSweepView } from './session-sweeps.reader';

export function toSessionSweepModel(view: SessionSweepView): SessionSweepModel {
  return {
    $id: view.id,
    $createdAt: formatDateTime(view.createdAt),
    $updatedAt: formatDateTime(view.updatedAt),
    status: view.status,
    total: view.total,
    revoked: view.revoked,
    completedAt: view.completedAt ? formatDateTime(view.completedAt) : null,
  };
}
