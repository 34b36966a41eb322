import { Logger } from '@nestjs/common';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config';
import { LogRetentionProcessor } from './log-retention.processor';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00.000Z');

/** A pool whose DELETEs report the given row counts, in order, per table. */
function pool(deleted: Record<string, number[]>) {
  const statements: Array<[string, unknown[]]> = [];
  const execute = async (sql: string, params: unknown[]) => {
    statements.push([sql, params]);
    const table = /DELETE FROM (\w+)/.exec(sql)![1];
    return [{ affectedRows: deleted[table].shift() ?? 0 }];
  };
  return { pool: { execute } as unknown as Pool, statements };
}

describe('LogRetentionProcessor.purge', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('deletes activity logs older than LOG_RETENTION_DAYS and idempotency records older than 30 days', async () => {
    const db = pool({ activity_logs: [3], processed_events: [2] });
    const processor = new LogRetentionProcessor(db.pool, { LOG_RETENTION_DAYS: 90 } as AppConfig);
    expect(await processor.purge(NOW)).toEqual({ activityLogs: 3, processedEvents: 2 });
    expect(db.statements).toEqual([
      ['DELETE FROM activity_logs WHERE time < ? ORDER BY time LIMIT 10000', [new Date(NOW - 90 * DAY)]],
      [
        'DELETE FROM processed_events WHERE processed_at < ? ORDER BY processed_at LIMIT 10000',
        [new Date(NOW - 30 * DAY)],
      ],
    ]);
  });

  it('deletes in chunks until a chunk comes back short', async () => {
    const db = pool({ activity_logs: [10_000, 10_000, 7], processed_events: [0] });
    const processor = new LogRetentionProcessor(db.pool, { LOG_RETENTION_DAYS: 1 } as AppConfig);
    expect(await processor.purge(NOW)).toEqual({ activityLogs: 20_007, processedEvents: 0 });
    expect(db.statements.filter(([sql]) => sql.includes('activity_logs'))).toHaveLength(3);
  });
});
