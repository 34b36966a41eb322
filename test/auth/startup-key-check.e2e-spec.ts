import { execFileSync } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { NO_USABLE_KEY_WARNING } from '../../src/auth/startup-key-check';
import { freshDatabaseUrl } from '../support/database';
import { answers200, freePort, pollUntil, spawnService } from '../support/processes';

/** Starts the API on a fresh port, waits until it is ready, and answers the log lines of its start. */
async function startLog(env: Record<string, string>): Promise<string[]> {
  const port = await freePort();
  const service = spawnService({ ROLE: 'api', PORT: String(port), LOG_LEVEL: 'warn', ...env });
  try {
    await pollUntil('the API answers', () => answers200(`http://127.0.0.1:${port}/health/ready`), 60_000);
    return service.output().split('\n').filter(Boolean);
  } finally {
    service.child.kill('SIGKILL');
    await service.exited;
  }
}

const warnings = (lines: string[]) => lines.filter((line) => line.includes('No API key can authenticate'));

describe('start-up warning when no API key can authenticate', () => {
  it('warns once, in one line saying how to create a key, without API_KEY and without stored keys', async () => {
    const lines = await startLog({ DATABASE_URL: freshDatabaseUrl() });
    const found = warnings(lines);
    expect(found).toHaveLength(1);
    expect(JSON.parse(found[0])).toMatchObject({ level: 40, context: 'Auth', msg: NO_USABLE_KEY_WARNING });
    expect(found[0]).toContain('npm run keys:create -- --scopes');
  }, 90_000);

  it('says nothing when API_KEY is set', async () => {
    const lines = await startLog({
      DATABASE_URL: freshDatabaseUrl(),
      API_KEY: 'startup-check-key-0123456789',
    });
    expect(warnings(lines)).toEqual([]);
  }, 90_000);

  it('says nothing when a stored key is usable, and warns when the only stored key has expired', async () => {
    const databaseUrl = freshDatabaseUrl();
    execFileSync(
      process.execPath,
      ['dist/scripts/keys/keys-cli.js', 'create', '--name', 'x', '--scopes', 'users.read'],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' },
    );
    expect(warnings(await startLog({ DATABASE_URL: databaseUrl }))).toEqual([]);

    const db = await createConnection(databaseUrl);
    try {
      await db.query('UPDATE api_keys SET expire = ?', [new Date(Date.now() - 60_000)]);
    } finally {
      await db.end();
    }
    expect(warnings(await startLog({ DATABASE_URL: databaseUrl }))).toHaveLength(1);
  }, 120_000);
});
