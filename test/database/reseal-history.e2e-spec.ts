import { scryptSync } from 'node:crypto';
import {
  EventCipher,
  EventStore,
  MasterKeys,
  MysqlDataKeys,
  parseKey,
  Progress,
  resealHistory,
  SEALED,
} from '@libs/event-store';
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { EVENT_STORE } from '../../src/database/database.tokens';
import { ALL_EVENTS } from '../../src/events/all-events';
import { decodeAll, secretsInClear, seedPersonalHistory, storedEventText } from '../support/personal-history';
import { TEST_DATA_KEY } from '../support/processes';
import { TestApp } from '../support/test-app';

/**
 * Events written before sealing existed hold personal fields in clear. The history is built through the API
 * (every kind of event with personal fields), then put back in that old form — sealed fields opened into the
 * row, data keys gone — and sealed again: by the routine, stopped and crashed on the way, and by the migration
 * at the start of this version.
 */
describe('re-sealing the event history in place', () => {
  let t: TestApp;
  let secrets: string[];
  let before: unknown[];
  const cipher = () => new MysqlDataKeys(t.db, new MasterKeys(parseKey(TEST_DATA_KEY)));

  /** The log as the code before sealing wrote it. */
  async function unsealAll(): Promise<void> {
    const keys = cipher();
    for (const event of await t.app.get<EventStore>(EVENT_STORE).readAll(0, 1_000_000)) {
      const { [SEALED]: token, ...rest } = event.data;
      if (typeof token !== 'string') continue;
      const clear = { ...rest, ...(await keys.open(token)) };
      await t.db.query('UPDATE events SET data = ? WHERE position = ?', [
        JSON.stringify(clear),
        event.position,
      ]);
    }
    await t.db.query('DELETE FROM data_keys');
    await t.db.query('DELETE FROM reseal_checkpoints');
  }

  const payloads = async () =>
    (await decodeAll(t)).decoded.map((d) => ({
      position: d.position,
      type: d.event.type,
      data: d.event.data,
    }));

  /** Events of the types that seal fields, up to a position. */
  async function sealableCount(upTo = Number.MAX_SAFE_INTEGER): Promise<number> {
    const types = ALL_EVENTS.types()
      .filter((type) => type.sealed.length > 0)
      .map((type) => type.type);
    const [[row]] = await t.db.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM events WHERE type IN (?) AND position <= ?',
      [types, upTo],
    );
    return Number(row.n);
  }

  async function checkpoint(): Promise<number | undefined> {
    const [rows] = await t.db.query<RowDataPacket[]>('SELECT position FROM reseal_checkpoints');
    return rows.length ? Number(rows[0].position) : undefined;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    const ada = await seedPersonalHistory(t, 'ada-reseal', '0200001', { changes: true });
    const bob = await seedPersonalHistory(t, 'bob-reseal', '0200002');
    // An imported scrypt hash, re-hashed at login: its options (the salt) are secret too.
    const salt = 'salt-of-carol-reseal';
    const scrypt = scryptSync('carol password', salt, 64, { N: 16384, r: 8, p: 1 }).toString('hex');
    const carol = await t.request('POST', '/v1/users/scrypt', {
      body: {
        userId: 'unique()',
        email: 'carol-reseal@example.com',
        password: scrypt,
        passwordSalt: salt,
        passwordCpu: 16384,
        passwordMemory: 8,
        passwordParallel: 1,
        passwordLength: 64,
      },
    });
    expect(carol.status).toBe(201);
    const login = await t.request('POST', '/v1/account/sessions/email', {
      body: { email: 'carol-reseal@example.com', password: 'carol password' },
    });
    expect(login.status).toBe(201);
    await t.eventually(async () => {
      const [rows] = await t.db.query<RowDataPacket[]>(
        "SELECT 1 FROM events WHERE type = 'user.password.rehashed' AND stream_id = ?",
        [carol.body.$id],
      );
      return rows.length > 0;
    });
    secrets = [...ada.secrets, ...bob.secrets, 'carol-reseal@example.com', scrypt, salt];
    expect(await secretsInClear(t, secrets)).toEqual([]);
    await unsealAll();
    before = await payloads();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('starts from a log holding every secret in clear, as the old code wrote it', async () => {
    expect(await secretsInClear(t, secrets)).toEqual(secrets);
    const types = new Set((before as Array<{ type: string }>).map((p) => p.type));
    expect([...types].sort()).toEqual(
      expect.arrayContaining([
        'identity.created',
        'session.created',
        'user.created',
        'user.email.changed',
        'user.name.changed',
        'user.password.changed',
        'user.password.rehashed',
        'user.phone.changed',
        'user.prefs.updated',
      ]),
    );
  });

  it('stops between batches, rolls a crashed batch back whole, resumes where it stopped, and is idempotent', async () => {
    const total = await sealableCount();
    let reports = 0;
    const stopped = await resealHistory(t.db, ALL_EVENTS, cipher(), {
      batchSize: 3,
      progressIntervalMs: 0,
      onProgress: () => reports++,
      shouldStop: () => reports >= 1,
    });
    expect(stopped).toMatchObject({ finished: false, scanned: 3 });
    expect(await checkpoint()).toBe(stopped.position);
    const [sealedRows] = await t.db.query<RowDataPacket[]>(
      'SELECT position FROM events WHERE data LIKE ? ORDER BY position',
      [`%"${SEALED}"%`],
    );
    expect(sealedRows.length).toBe(stopped.sealed);
    expect(sealedRows.every((row) => Number(row.position) <= stopped.position)).toBe(true);

    // Killed right after a subject's first data key was made: that batch is gone whole, the key with it.
    const [rowsBefore] = await t.db.query<RowDataPacket[]>(
      'SELECT position, data FROM events ORDER BY position',
    );
    const real = cipher();
    let crashedSubject: string | undefined;
    const crashing: EventCipher<PoolConnection> = {
      seal: async (tx, subject, fields) => {
        const [keys] = await tx.query<RowDataPacket[]>('SELECT 1 FROM data_keys WHERE subject = ?', [
          subject,
        ]);
        const token = await real.seal(tx, subject, fields);
        if (keys.length > 0) return token;
        crashedSubject = subject;
        throw new Error('killed mid-batch');
      },
      open: (token) => real.open(token),
    };
    await expect(resealHistory(t.db, ALL_EVENTS, crashing, { batchSize: 3 })).rejects.toThrow(
      'killed mid-batch',
    );
    expect(crashedSubject).toBeDefined();
    const [crashedKeys] = await t.db.query<RowDataPacket[]>('SELECT id FROM data_keys WHERE subject = ?', [
      crashedSubject,
    ]);
    expect(crashedKeys).toEqual([]);
    const reached = (await checkpoint())!;
    expect(reached).toBeGreaterThanOrEqual(stopped.position);
    const [rowsAfter] = await t.db.query<RowDataPacket[]>(
      'SELECT position, data FROM events ORDER BY position',
    );
    const untouched = (rows: RowDataPacket[]) => rows.filter((row) => Number(row.position) > reached);
    expect(untouched(rowsAfter)).toEqual(untouched(rowsBefore));
    expect(untouched(rowsAfter).length).toBeGreaterThan(0);
    const doneBeforeResume = await sealableCount(reached);

    const progress: Progress[] = [];
    const resumed = await resealHistory(t.db, ALL_EVENTS, cipher(), {
      batchSize: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(resumed).toMatchObject({ finished: true, scanned: total - doneBeforeResume });
    expect(progress.at(-1)).toMatchObject({
      done: total - doneBeforeResume,
      total: total - doneBeforeResume,
      remainingMs: 0,
    });
    expect(await secretsInClear(t, secrets)).toEqual([]);
    expect((await storedEventText(t)).filter((row) => row.includes('"hashOptions"'))).toEqual([]);
    expect(await payloads()).toEqual(before);

    // Again, from its checkpoint and from the start: nothing left to seal, nothing changed.
    const sealedText = await storedEventText(t);
    expect(await resealHistory(t.db, ALL_EVENTS, cipher())).toMatchObject({ scanned: 0, sealed: 0 });
    await t.db.query('DELETE FROM reseal_checkpoints');
    expect(await resealHistory(t.db, ALL_EVENTS, cipher())).toMatchObject({ scanned: total, sealed: 0 });
    expect(await storedEventText(t)).toEqual(sealedText);
  });

  it('is run by the migration at the first start of this version, and the service reads the sealed log', async () => {
    await unsealAll();
    expect(await secretsInClear(t, secrets)).toEqual(secrets);
    await t.db.query("DELETE FROM migrations WHERE name = 'ResealHistory1764800000000'");

    const upgraded = await TestApp.start({ DATABASE_URL: t.config.DATABASE_URL });
    try {
      expect(await secretsInClear(upgraded, secrets)).toEqual([]);
      expect(await payloads()).toEqual(before);
      const [applied] = await t.db.query<RowDataPacket[]>(
        "SELECT name FROM migrations WHERE name = 'ResealHistory1764800000000'",
      );
      expect(applied).toHaveLength(1);
      const users = await upgraded.request('GET', '/v1/users');
      expect(users.body.total).toBe(3);
    } finally {
      await upgraded.stop();
    }
  });
});
