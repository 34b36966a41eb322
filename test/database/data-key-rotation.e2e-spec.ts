import { randomBytes } from 'node:crypto';
import { keyId, MasterKeys, MysqlDataKeys, parseKey } from '@libs/event-store';
import { createPool, RowDataPacket } from 'mysql2/promise';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { freshDatabaseUrl } from '../support/database';
import { decodeAll, seedPersonalHistory } from '../support/personal-history';
import { freePort, spawnNpm, spawnService } from '../support/processes';
import { TestApp } from '../support/test-app';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One line of stderr, and no stack trace. */
function expectOneLine(run: Run, message: RegExp) {
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/**
 * Rotating DATA_KEY as an operator does: the service ran with key A; `npm run data-key:rotate` with B in
 * DATA_KEY and A in DATA_KEY_PREVIOUS re-wraps every data key; then the service starts with B alone and reads
 * every user's whole history, while a start with A alone is refused (A wraps nothing any more).
 */
describe('npm run data-key:rotate', () => {
  const A = randomBytes(32).toString('base64');
  const B = randomBytes(32).toString('base64');
  const databaseUrl = freshDatabaseUrl();
  const pool = createPool(poolOptionsFromUrl(databaseUrl, 2));
  let before: unknown[];
  let users: string[];

  async function rotate(env: Record<string, string>, args: string[] = []): Promise<Run> {
    const run = spawnNpm(['run', '--silent', 'data-key:rotate', '--', ...args], {
      DATABASE_URL: databaseUrl,
      ...env,
    });
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  }

  async function wrappedBy(): Promise<Record<string, number>> {
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT master_key_id AS m, COUNT(*) AS n FROM data_keys WHERE master_key_id IS NOT NULL GROUP BY m',
    );
    return Object.fromEntries(rows.map((row) => [String(row.m), Number(row.n)]));
  }

  /** `node dist/src/main.js` with only this DATA_KEY: its exit code and output when it refuses to start. */
  async function refusedStart(dataKey: string): Promise<{ code: number | null; output: string }> {
    const service = spawnService({
      ROLE: 'api',
      PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
      DATA_KEY: dataKey,
    });
    const code = await service.exited;
    return { code, output: service.output() };
  }

  const payloads = async (t: TestApp) =>
    (await decodeAll(t)).decoded.map((d) => ({ id: d.id, data: d.event.data, erased: d.erased }));

  beforeAll(async () => {
    const t = await TestApp.start({ DATABASE_URL: databaseUrl, DATA_KEY: A });
    try {
      users = [
        (await seedPersonalHistory(t, 'ada-rotate', '0300001')).userId,
        (await seedPersonalHistory(t, 'bob-rotate', '0300002', { changes: true })).userId,
      ];
      for (let i = 0; i < 5; i++) {
        users.push((await t.createUser({ email: `plain-${i}@rotate.example`, name: `Plain ${i}` })).$id);
      }
      before = await payloads(t);
    } finally {
      await t.stop();
    }
    expect(await wrappedBy()).toEqual({ [keyId(parseKey(A))]: users.length });
  }, 60_000);
  afterAll(async () => {
    await pool.end();
  });

  it('before the rotation: refuses B alone, in one line naming the master key A that it lacks', async () => {
    const run = await rotate({ DATA_KEY: B });
    expect(run.code).toBe(1);
    expectOneLine(
      run,
      new RegExp(
        `^data-key:rotate: data keys are wrapped by master key ${keyId(parseKey(A))}, which is neither ` +
          `DATA_KEY \\(${keyId(parseKey(B))}\\) nor in DATA_KEY_PREVIOUS`,
      ),
    );
    const start = await refusedStart(B);
    expect(start.code).toBe(1);
    expect(start.output).toContain(`DATA_KEY does not match the master key(s) ${keyId(parseKey(A))}`);
    expect(await wrappedBy()).toEqual({ [keyId(parseKey(A))]: users.length });
  }, 60_000);

  it('answers a missing DATA_KEY, a malformed key and MySQL down with one line', async () => {
    const port = await freePort();
    const [unset, malformed, down] = await Promise.all([
      rotate({ DATA_KEY_PREVIOUS: A }),
      rotate({ DATA_KEY: 'not-a-key', DATA_KEY_PREVIOUS: A }),
      rotate({
        DATA_KEY: B,
        DATA_KEY_PREVIOUS: A,
        DATABASE_URL: `mysql://root:pw-s3cret@127.0.0.1:${port}/x`,
      }),
    ]);
    expect([unset.code, malformed.code, down.code]).toEqual([2, 2, 1]);
    expectOneLine(unset, /^data-key:rotate: DATA_KEY is not set: set it to the new master key/);
    expectOneLine(malformed, /^data-key:rotate: DATA_KEY: must be 32 bytes/);
    expect(malformed.stderr).not.toContain('not-a-key');
    expectOneLine(down, new RegExp(`^data-key:rotate: MySQL at 127\\.0\\.0\\.1:${port} is not answering`));
    expect(down.stderr).not.toContain('pw-s3cret');
  }, 60_000);

  it('re-wraps every data key with B, resuming an interrupted rotation, and does nothing the second time', async () => {
    // A rotation stopped after one key.
    expect(await new MysqlDataKeys(pool, new MasterKeys(parseKey(B), [parseKey(A)])).rewrap(1)).toBe(1);

    const first = await rotate({ DATA_KEY: B, DATA_KEY_PREVIOUS: A }, ['--batch', '2']);
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(
        `^Re-wrapped ${users.length - 1} data key\\(s\\) in [\\d.]+ s: all ${users.length} live data key\\(s\\) ` +
          `are wrapped by DATA_KEY \\(master key ${keyId(parseKey(B))}\\); 0 erased\\.`,
      ),
    );
    expect(await wrappedBy()).toEqual({ [keyId(parseKey(B))]: users.length });
    // The JWT signing key the service made is sealed by the same master key: re-sealed with it.
    expect(first.stdout).toContain('Re-sealed 1 JWT signing key(s) with DATA_KEY.\n');
    const [jwtKeys] = await pool.query<RowDataPacket[]>('SELECT DISTINCT master_key_id AS m FROM jwt_keys');
    expect(jwtKeys.map((row) => row.m)).toEqual([keyId(parseKey(B))]);

    const again = await rotate({ DATA_KEY: B, DATA_KEY_PREVIOUS: A });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('JWT');
    expect(again.stdout).toMatch(
      new RegExp(`^Re-wrapped 0 data key\\(s\\) .* all ${users.length} live`, 'm'),
    );
  }, 60_000);

  it('after the rotation: starts with B alone and reads every event of every user; A alone is refused', async () => {
    const t = await TestApp.start({ DATABASE_URL: databaseUrl, DATA_KEY: B });
    try {
      expect(await payloads(t)).toEqual(before);
      for (const userId of users) {
        expect((await t.request('GET', `/v1/users/${userId}`)).status).toBe(200);
      }
      // New users get keys wrapped by B.
      await t.createUser({ email: 'after-rotation@rotate.example' });
      expect(await wrappedBy()).toEqual({ [keyId(parseKey(B))]: users.length + 1 });
    } finally {
      await t.stop();
    }
    const start = await refusedStart(A);
    expect(start.code).toBe(1);
    expect(start.output).toContain(`DATA_KEY does not match the master key(s) ${keyId(parseKey(B))}`);
  }, 60_000);
});
