import { Inject, Injectable } from '@nestjs/common';
import { generateUniqueId } from '@libs/http/params';
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import type { DeliveryRecord, DeliveryStatus } from './webhook.types';

const COLUMNS = `id, webhook_id, event_id, event_position, event_type, event_name, status, round, attempts,
  response_status_code, duration_ms, last_error, created_at, updated_at`;

function toRecord(row: RowDataPacket): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventPosition: Number(row.event_position),
    eventType: row.event_type,
    eventName: row.event_name,
    status: row.status as DeliveryStatus,
    round: Number(row.round),
    attempts: Number(row.attempts),
    responseStatusCode: row.response_status_code === null ? null : Number(row.response_status_code),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface DeliveredEvent {
  id: string;
  position: number;
  type: string;
  name: string;
}

export interface AttemptOutcome {
  status?: number;
  durationMs: number;
  error?: string;
}

/** `webhook_deliveries`: one row per webhook and event, the state of its latest delivery. */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  /**
   * The delivery of `event` to the webhook, created if new. `fresh` is false when it already existed (a
   * redelivered fan-out job): the caller then queues nothing unless it is still pending.
   */
  async open(
    webhookId: string,
    event: DeliveredEvent,
  ): Promise<{ delivery: DeliveryRecord; fresh: boolean }> {
    const [result] = await this.pool.execute<ResultSetHeader>(
      `INSERT IGNORE INTO webhook_deliveries
         (id, webhook_id, event_id, event_position, event_type, event_name, status, round, attempts, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, 0, NOW(3), NOW(3))`,
      [generateUniqueId(), webhookId, event.id, event.position, event.type, event.name.slice(0, 255)],
    );
    const delivery = await this.byEvent(webhookId, event.id);
    return { delivery: delivery!, fresh: result.affectedRows > 0 };
  }

  /** Starts another round of the delivery (redelivery, replay): pending again, attempts from zero. */
  async restart(deliveryId: string): Promise<DeliveryRecord> {
    await this.pool.execute(
      `UPDATE webhook_deliveries SET status = 'pending', round = round + 1, attempts = 0, updated_at = NOW(3)
        WHERE id = ?`,
      [deliveryId],
    );
    return (await this.get(deliveryId))!;
  }

  /** Records one attempt of round `round` (an older round's late attempt changes nothing). */
  async recordAttempt(
    deliveryId: string,
    round: number,
    outcome: AttemptOutcome,
    status: DeliveryStatus,
  ): Promise<void> {
    await this.pool.execute(
      `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, response_status_code = ?,
          duration_ms = ?, last_error = ?, updated_at = NOW(3)
        WHERE id = ? AND round = ?`,
      [
        status,
        outcome.status ?? null,
        outcome.durationMs,
        outcome.error?.slice(0, 2000) ?? null,
        deliveryId,
        round,
      ],
    );
  }

  /** Ends a round without a request (the webhook was disabled or deleted meanwhile). */
  async abandon(deliveryId: string, round: number, reason: string): Promise<void> {
    await this.pool.execute(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = ?, updated_at = NOW(3)
        WHERE id = ? AND round = ? AND status = 'pending'`,
      [reason, deliveryId, round],
    );
  }

  async get(deliveryId: string): Promise<DeliveryRecord | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = ?`,
      [deliveryId],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async byEvent(webhookId: string, eventId: string): Promise<DeliveryRecord | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE webhook_id = ? AND event_id = ?`,
      [webhookId, eventId],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Newest event first. */
  async list(
    webhookId: string,
    limit: number,
    offset: number,
  ): Promise<{ total: number; deliveries: DeliveryRecord[] }> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE webhook_id = ?
        ORDER BY event_position DESC LIMIT ? OFFSET ?`,
      [webhookId, limit, offset],
    );
    const [count] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS total FROM webhook_deliveries WHERE webhook_id = ?',
      [webhookId],
    );
    return { total: Number(count[0].total), deliveries: rows.map(toRecord) };
  }
}
