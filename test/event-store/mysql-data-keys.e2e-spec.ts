import { randomBytes } from 'node:crypto';
import {
  DATA_KEYS_DDL,
  DATA_KEYS_MASTER_KEY_INDEX_DDL,
  EVENT_STORE_DDL,
  EventDecoder,
  EventRegistry,
  keyId,
  MasterKeys,
  MysqlDataKeys,
  MysqlEventStore,
  SEALED,
  UniqueConstraintError,
} from '@libs/event-store';
import { createConnection, createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { createAppPool, poolOptionsFromUrl } from '../../src/database/database-url';
import { ensureDatabase } from '../../src/database/ensure-database';
import { freshDatabaseUrl } from '../support/database';

interface NoteData {
  subject: string;
  text: string;
  tag: string;
}

class NoteTakenEvent {
  static readonly type = 'note.taken';
  static readonly sealed = ['text'] as const;
  readonly type = NoteTakenEvent.type;
  constructor(readonly data: NoteData) {}
}

const registry = new EventRegistry<NoteTakenEvent>(({ data }) => String(data.subject)).register(
  NoteTakenEvent,
);

/**
 * The data keys against MariaDB, the way the store uses them: created inside the append transaction, shared by
 * concurrent appends, destroyed for erasure and re-wrapped when the master key rotates.
 */
describe('MysqlDataKeys against MariaDB', () => {
  const masterA = randomBytes(32);
  const masterB = randomBytes(32);
  let pool: Pool;
  let repeatableRead: Pool;
  let keys: MysqlDataKeys;
  let store: MysqlEventStore;
  let stream = 0;

  beforeAll(async () => {
    const url = freshDatabaseUrl();
    await ensureDatabase(url);
    const connection = await createConnection(poolOptionsFromUrl(url, 1));
    for (const ddl of [...EVENT_STORE_DDL, DATA_KEYS_DDL, DATA_KEYS_MASTER_KEY_INDEX_DDL]) {
      await connection.query(ddl);
    }
    await connection.end();
    pool = createAppPool(url, 16);
    // MariaDB's default isolation: the keys must not depend on the pool the application happens to use.
    repeatableRead = createPool(poolOptionsFromUrl(url, 16));
    keys = new MysqlDataKeys(pool, new MasterKeys(masterA));
    store = new MysqlEventStore(pool, keys);
  });
  afterAll(async () => {
    await pool.end();
    await repeatableRead.end();
  });

  const note = (subject: string, text: string) =>
    registry.toNew(new NoteTakenEvent({ subject, text, tag: 'plain' }), subject);

  function append(
    subject: string,
    texts: string[],
    options: { claim?: string; via?: MysqlEventStore } = {},
  ): Promise<unknown> {
    return (options.via ?? store).append({
      streamType: 'note',
      streamId: `n${++stream}`,
      expectedVersion: 0,
      events: texts.map((text) => note(subject, text)),
      uniqueConstraints: options.claim ? [{ op: 'claim', scope: 'tag', value: options.claim }] : [],
    });
  }

  async function keyRows(subject: string) {
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT id, generation, master_key_id, wrapped FROM data_keys WHERE subject = ? ORDER BY generation',
      [subject],
    );
    return rows;
  }

  async function eventsOf(subject: string) {
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT position FROM events WHERE JSON_VALUE(data, '$.subject') = ? ORDER BY position`,
      [subject],
    );
    const all = await store.readAll(0, 100_000);
    const positions = new Set(rows.map((row) => Number(row.position)));
    return all.filter((event) => positions.has(event.position));
  }

  const decoder = (cipher: MysqlDataKeys = keys) => new EventDecoder(registry, cipher);

  it('creates the first key with the first sealed event, and rolls it back with it', async () => {
    await append('taken', ['first'], { claim: 'taken' });
    await expect(append('rolled', ['never stored'], { claim: 'taken' })).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    expect(await keyRows('rolled')).toEqual([]);

    await append('rolled', ['stored']);
    const [key] = await keyRows('rolled');
    expect(await keyRows('rolled')).toHaveLength(1);
    expect(key).toMatchObject({ generation: 1, master_key_id: keyId(masterA) });
    const [event] = await eventsOf('rolled');
    expect(event.data).toEqual({ subject: 'rolled', tag: 'plain', [SEALED]: expect.any(String) });
    expect(JSON.stringify(event.data)).not.toContain('stored');
    expect((await decoder().decode(event)).event.data).toEqual({
      subject: 'rolled',
      text: 'stored',
      tag: 'plain',
    });
  });

  it('never keeps a key of a rolled-back transaction, even one read back inside that transaction', async () => {
    // Two events of one subject in one append: the second seal reads the key the first one created.
    await expect(append('phantom', ['one', 'two'], { claim: 'taken' })).rejects.toBeInstanceOf(
      UniqueConstraintError,
    );
    await append('phantom', ['kept']);
    expect(await keyRows('phantom')).toHaveLength(1);
    const [event] = await eventsOf('phantom');
    const decoded = await decoder(new MysqlDataKeys(pool, new MasterKeys(masterA))).decode(event);
    expect(decoded).toMatchObject({ erased: [], event: { data: { text: 'kept' } } });
  });

  it.each([
    ['READ COMMITTED', () => pool],
    ['REPEATABLE READ', () => repeatableRead],
  ])('lets concurrent first seals of one subject agree on one key (%s)', async (_, poolOf) => {
    const subject = `race-${poolOf() === pool ? 'rc' : 'rr'}`;
    // Separate instances: separate caches, as in separate processes.
    const stores = Array.from(
      { length: 8 },
      () => new MysqlEventStore(poolOf(), new MysqlDataKeys(poolOf(), new MasterKeys(masterA))),
    );
    await Promise.all(stores.map((via, i) => append(subject, [`text ${i}`], { via })));
    expect(await keyRows(subject)).toHaveLength(1);
    const events = await eventsOf(subject);
    const decoded = await decoder(new MysqlDataKeys(pool, new MasterKeys(masterA))).decodeAll(events);
    expect(decoded.map((d) => d.event.data.text).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `text ${i}`),
    );
  });

  it('destroys a subject: its fields are erased for good, other subjects untouched, the next seal gets a new key', async () => {
    await append('erased', ['secret one']);
    await append('erased', ['secret two']);
    await append('neighbour', ['still here']);
    const before = await eventsOf('erased');
    await decoder().decodeAll(before);

    expect(await keys.destroy('erased')).toBe(1);
    expect(await keys.destroy('erased')).toBe(0);
    for (const cipher of [keys, new MysqlDataKeys(pool, new MasterKeys(masterA))]) {
      const decoded = await decoder(cipher).decodeAll(before);
      expect(decoded.map((d) => [d.event.data, d.erased])).toEqual([
        [{ subject: 'erased', tag: 'plain', text: null }, ['text']],
        [{ subject: 'erased', tag: 'plain', text: null }, ['text']],
      ]);
    }
    expect(await keyRows('erased')).toEqual([
      expect.objectContaining({ generation: 1, master_key_id: null, wrapped: null }),
    ]);
    const [neighbour] = await eventsOf('neighbour');
    expect((await decoder().decode(neighbour)).event.data.text).toBe('still here');

    await append('erased', ['after erasure']);
    expect((await keyRows('erased')).map((row) => row.generation)).toEqual([1, 2]);
    const after = await eventsOf('erased');
    const decoded = await decoder(new MysqlDataKeys(pool, new MasterKeys(masterA))).decodeAll(after);
    expect(decoded.map((d) => d.event.data.text)).toEqual([null, null, 'after erasure']);
  });

  it('forgets, but does not take as destroyed, a key destroyed in a transaction that rolls back', async () => {
    await append('kept', ['still readable']);
    const [event] = await eventsOf('kept');
    await decoder().decode(event);
    const connection = await pool.getConnection();
    try {
      await connection.query('START TRANSACTION');
      expect(await keys.destroy('kept', connection)).toBe(1);
      await connection.query('ROLLBACK');
    } finally {
      connection.release();
    }
    expect((await decoder().decode(event)).event.data.text).toBe('still readable');
  });

  it('refuses a token whose data key row is missing instead of reading it as erased', async () => {
    await append('vanished', ['gone?']);
    const [event] = await eventsOf('vanished');
    await pool.query('DELETE FROM data_keys WHERE subject = ?', ['vanished']);
    await expect(decoder(new MysqlDataKeys(pool, new MasterKeys(masterA))).decode(event)).rejects.toThrow(
      /data key .* is missing/,
    );
  });

  it('re-wraps every live key with the current master key, resumably, and knows which master keys are missing', async () => {
    await append('rotated-1', ['one']);
    await append('rotated-2', ['two']);
    const live = async () => {
      const [rows] = await pool.query<RowDataPacket[]>(
        'SELECT master_key_id AS m, COUNT(*) AS n FROM data_keys WHERE wrapped IS NOT NULL GROUP BY m',
      );
      return Object.fromEntries(rows.map((row) => [String(row.m), Number(row.n)])) as Record<string, number>;
    };
    const total = Object.values(await live()).reduce((a, b) => a + b, 0);
    expect(await live()).toEqual({ [keyId(masterA)]: total });

    const onlyB = new MysqlDataKeys(pool, new MasterKeys(masterB));
    expect(await onlyB.unknownMasterKeys()).toEqual([keyId(masterA)]);
    await expect(onlyB.rewrap(10)).rejects.toThrow(/neither DATA_KEY nor in DATA_KEY_PREVIOUS/);

    const rotating = new MysqlDataKeys(pool, new MasterKeys(masterB, [masterA]));
    expect(await rotating.unknownMasterKeys()).toEqual([]);
    expect(await rotating.countToRewrap()).toBe(total);
    // Interrupted after one batch, then resumed.
    expect(await rotating.rewrap(2)).toBe(2);
    expect(await live()).toEqual({ [keyId(masterA)]: total - 2, [keyId(masterB)]: 2 });
    let rewrapped = 2;
    for (let n = await rotating.rewrap(3); n > 0; n = await rotating.rewrap(3)) rewrapped += n;
    expect(rewrapped).toBe(total);
    expect(await rotating.rewrap(3)).toBe(0);
    expect(await rotating.countToRewrap()).toBe(0);
    expect(await live()).toEqual({ [keyId(masterB)]: total });

    expect(await onlyB.unknownMasterKeys()).toEqual([]);
    expect(await new MysqlDataKeys(pool, new MasterKeys(masterA)).unknownMasterKeys()).toEqual([
      keyId(masterB),
    ]);
    const readable = [
      ...(await eventsOf('rotated-1')),
      ...(await eventsOf('rotated-2')),
      ...(await eventsOf('rolled')),
    ];
    const decoded = await decoder(new MysqlDataKeys(pool, new MasterKeys(masterB))).decodeAll(readable);
    expect(decoded.map((d) => [d.event.data.text, d.erased])).toEqual([
      ['one', []],
      ['two', []],
      ['stored', []],
    ]);
  });
});
