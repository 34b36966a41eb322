import { formatDateTime } from '@libs/http';
import type { LogModel } from '../dtos/log.response.dto';
import { ActivityLogRow, LOG_FIELDS } from './activity-log.columns';

/** An activity-log row → Appwrite's Log model, keys in Appwrite's order. */
export function toLogModel(row: ActivityLogRow): LogModel {
  const model: Record<string, string> = {};
  for (const [key, column] of LOG_FIELDS) {
    model[key] = key === 'time' ? formatDateTime(row.time as Date) : String(row[column] ?? '');
  }
  return model as unknown as LogModel;
}
