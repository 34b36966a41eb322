import { createHash } from 'node:crypto';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** Which relay may run: held by at most one process at a time. */
export interface RelayLock {
  /** Tries once, without waiting. */
  acquire(): Promise<boolean>;
  /** Whether this process still holds the lock (false once its connection dropped). */
  isHeld(): Promise<boolean>;
  /** Called at most once per acquisition when the lock is lost without `release`. */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

const MAX_LOCK_NAME = 64;
const CHECK_TIMEOUT_MS = 5000;

/**
 * The named-lock key for a relay. It covers the database (whose checkpoint the relay owns) and the queue
 * prefix (whose queues it fills); MySQL lock names are server-wide and at most 64 characters.
 */
export function relayLockName(queuePrefix: string, database: string): string {
  const name = `${queuePrefix}:relay:${database}`;
  if (name.length <= MAX_LOCK_NAME) return name;
  return `relay:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

/**
 * A MySQL `GET_LOCK` held on a dedicated connection: the server frees it when that connection closes, so a
 * crashed or partitioned relay cannot keep it. When the connection drops, `onLost` fires and the next
 * `acquire` opens a new connection.
 */
export class MysqlRelayLock implements RelayLock {
  private connection: Connection | undefined;
  private held = false;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly connect: () => Promise<Connection>,
    readonly name: string,
  ) {}

  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  async acquire(): Promise<boolean> {
    const connection = this.connection ?? (await this.open());
    const [rows] = await connection.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS acquired', [this.name]);
    this.held = Number(rows[0]?.acquired) === 1;
    return this.held;
  }

  async isHeld(): Promise<boolean> {
    if (!this.connection || !this.held) return false;
    try {
      // A timeout, because a partitioned server answers nothing rather than an error.
      const [rows] = await this.connection.query<RowDataPacket[]>(
        { sql: 'SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS held', timeout: CHECK_TIMEOUT_MS },
        [this.name],
      );
      if (Number(rows[0]?.held) === 1) return true;
    } catch {
      // The connection is gone; so is the lock.
    }
    this.lost();
    return false;
  }

  async release(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.held = false;
    if (!connection) return;
    await connection.query('SELECT RELEASE_LOCK(?)', [this.name]).catch(() => undefined);
    await connection.end().catch(() => connection.destroy());
  }

  private async open(): Promise<Connection> {
    const connection = await this.connect();
    const drop = () => {
      if (this.connection === connection) this.lost();
    };
    connection.on('error', drop);
    connection.on('end', drop);
    this.connection = connection;
    return connection;
  }

  private lost(): void {
    const connection = this.connection;
    this.connection = undefined;
    connection?.destroy();
    if (!this.held) return;
    this.held = false;
    for (const listener of this.listeners) listener();
  }
}
