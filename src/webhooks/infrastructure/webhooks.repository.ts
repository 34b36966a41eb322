import { Inject, Injectable } from '@nestjs/common';
import type { MysqlDataKeys } from '@libs/event-store';
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { DATA_KEYS, MYSQL_POOL } from '../../database';
import { WebhookAlreadyExistsError } from '../domain/webhook.errors';
import type { WebhookRecord, WebhookSecrets } from './webhook.types';

const COLUMNS =
  'id, name, url, events, enabled, security, http_user, attempts, logs, sealed_secrets, created_at, updated_at';

/** The data key subject of a webhook's secrets (user ids cannot hold a colon). */
export const secretsSubject = (webhookId: string) => `webhook:${webhookId}`;

function toRecord(row: RowDataPacket): WebhookRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    enabled: Boolean(row.enabled),
    security: Boolean(row.security),
    httpUser: row.http_user,
    attempts: Number(row.attempts),
    logs: row.logs,
    sealedSecrets: row.sealed_secrets,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type WebhookSettings = Pick<
  WebhookRecord,
  'name' | 'url' | 'events' | 'enabled' | 'security' | 'httpUser'
>;

/** The `webhooks` table; secrets are sealed with the project's data keys (subject `webhook:<id>`). */
@Injectable()
export class WebhooksRepository {
  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(DATA_KEYS) private readonly dataKeys: MysqlDataKeys,
  ) {}

  async create(id: string, settings: WebhookSettings, secrets: WebhookSecrets): Promise<void> {
    await this.withSealed(id, secrets, async (sealed, connection) => {
      try {
        await connection.execute(
          `INSERT INTO webhooks (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', ?, NOW(3), NOW(3))`,
          [
            id,
            settings.name,
            settings.url,
            JSON.stringify(settings.events),
            settings.enabled,
            settings.security,
            settings.httpUser,
            sealed,
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'ER_DUP_ENTRY') throw new WebhookAlreadyExistsError();
        throw error;
      }
    });
  }

  /**
   * Changes settings and, when given, secrets. Enabling a webhook clears its failure count and reason, so a
   * webhook disabled for failing starts afresh.
   */
  async update(id: string, settings: WebhookSettings, secrets?: WebhookSecrets): Promise<boolean> {
    // Assignments run left to right: `enabled` is still the stored value where the count and reason are reset.
    const sql = `UPDATE webhooks SET name = ?, url = ?, events = ?, security = ?, http_user = ?,
        attempts = IF(? AND NOT enabled, 0, attempts), logs = IF(? AND NOT enabled, '', logs), enabled = ?,
        updated_at = NOW(3)${secrets ? ', sealed_secrets = ?' : ''} WHERE id = ?`;
    const { name, url, events, enabled, security, httpUser } = settings;
    const values = (sealed: string[]) => [
      ...[name, url, JSON.stringify(events), security, httpUser, enabled, enabled, enabled],
      ...sealed,
      id,
    ];
    if (!secrets) {
      const [result] = await this.pool.execute<ResultSetHeader>(sql, values([]));
      return result.affectedRows > 0;
    }
    let changed = false;
    await this.withSealed(id, secrets, async (sealed, connection) => {
      const [result] = await connection.execute<ResultSetHeader>(sql, values([sealed]));
      changed = result.affectedRows > 0;
    });
    return changed;
  }

  async get(id: string): Promise<WebhookRecord | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(`SELECT ${COLUMNS} FROM webhooks WHERE id = ?`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async list(limit: number, offset: number): Promise<{ total: number; webhooks: WebhookRecord[] }> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM webhooks ORDER BY created_at, id LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    const [count] = await this.pool.query<RowDataPacket[]>('SELECT COUNT(*) AS total FROM webhooks');
    return { total: Number(count[0].total), webhooks: rows.map(toRecord) };
  }

  /** Every enabled webhook (the fan-out reads them per event: a webhook changed a moment ago applies at once). */
  async enabled(): Promise<WebhookRecord[]> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM webhooks WHERE enabled = 1`,
    );
    return rows.map(toRecord);
  }

  /** Deletes the webhook and its delivery log, and destroys the data key of its secrets (crypto-shredding). */
  async delete(id: string): Promise<boolean> {
    const [result] = await this.pool.execute<ResultSetHeader>('DELETE FROM webhooks WHERE id = ?', [id]);
    if (result.affectedRows === 0) return false;
    await this.pool.execute('DELETE FROM webhook_deliveries WHERE webhook_id = ?', [id]);
    await this.dataKeys.destroy(secretsSubject(id));
    return true;
  }

  async openSecrets(webhook: WebhookRecord): Promise<WebhookSecrets> {
    const opened = await this.dataKeys.open(webhook.sealedSecrets);
    if (!opened) throw new Error(`The secrets of webhook ${webhook.id} were destroyed`);
    return opened as unknown as WebhookSecrets;
  }

  /** A request succeeded: the consecutive-failure count starts again. */
  async recordSuccess(id: string): Promise<void> {
    await this.pool.execute('UPDATE webhooks SET attempts = 0 WHERE id = ? AND attempts > 0', [id]);
  }

  /**
   * A request failed: one more consecutive failure, the reason kept in `logs`; at `disableAfter` the webhook
   * is disabled, with the reason. Returns whether this failure disabled it.
   */
  async recordFailure(id: string, reason: string, disableAfter: number): Promise<boolean> {
    const disabled = `Disabled after ${disableAfter} consecutive failed deliveries; last: ${reason}`.slice(
      0,
      2000,
    );
    const [result] = await this.pool.execute<ResultSetHeader>(
      `UPDATE webhooks SET attempts = attempts + 1,
          enabled = IF(attempts >= ?, 0, enabled),
          logs = IF(attempts >= ?, ?, ?)
        WHERE id = ? AND enabled = 1`,
      [disableAfter, disableAfter, disabled, reason.slice(0, 2000), id],
    );
    if (result.affectedRows === 0) return false;
    const [rows] = await this.pool.execute<RowDataPacket[]>('SELECT enabled FROM webhooks WHERE id = ?', [
      id,
    ]);
    return rows[0] !== undefined && !rows[0].enabled;
  }

  private async withSealed(
    id: string,
    secrets: WebhookSecrets,
    write: (sealed: string, connection: PoolConnection) => Promise<void>,
  ): Promise<void> {
    const connection = await this.pool.getConnection();
    try {
      await connection.beginTransaction();
      const sealed = await this.dataKeys.seal(connection, secretsSubject(id), { ...secrets });
      await write(sealed, connection);
      await connection.commit();
    } catch (error) {
      await connection.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }
}
