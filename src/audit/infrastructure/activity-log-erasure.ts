import type { Pool } from 'mysql2/promise';
import { LOG_FIELDS } from './activity-log.columns';

/** What an erased user's log rows keep: the event name, user id, impersonator id, mode, actor type and time. */
const KEPT = new Set(['event', 'user_id', 'impersonator_id', 'mode', 'user_type', 'time']);
const BLANKED = LOG_FIELDS.map(([, column]) => column).filter((column) => !KEPT.has(column));
/** The columns' own defaults: the country of an unknown address, empty text elsewhere. */
const BLANK: Readonly<Record<string, string>> = { country_code: '--', country_name: 'Unknown' };

const ANONYMIZE =
  `UPDATE activity_logs SET ${BLANKED.map((column) => `${column} = '${BLANK[column] ?? ''}'`).join(', ')} ` +
  'WHERE user_id = ?';

/**
 * Erasure: the user's activity-log rows keep event names, times and ids, and lose email, name, IP, device and
 * country (derived from the IP and user agent).
 */
export async function anonymizeUserLogs(tx: Pick<Pool, 'execute'>, userId: string): Promise<void> {
  await tx.execute(ANONYMIZE, [userId]);
}
