import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '../support/processes';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MD5 = '63fe8e9e6e805f2cb28675d5592f22e8'; // md5("sample-password")

/** The built CLI (the global setup builds dist/), as `npm run users:import` runs it. */
function startCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/scripts/users/import/import-cli.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited };
}

function md5Lines(from: number, to: number, prefix: string): string[] {
  const lines = [];
  for (let i = from; i <= to; i++)
    lines.push(
      JSON.stringify({
        algorithm: 'md5',
        userId: `${prefix}${i}`,
        email: `${prefix}${i}@example.com`,
        password: MD5,
      }),
    );
  return lines;
}

// Three CLI runs a test on a shared machine: more than the default 30 s.
jest.setTimeout(120_000);

describe('npm run users:import (the built CLI against a running service)', () => {
  let t: TestApp;
  let dir: string;
  let env: Record<string, string>;
  const count = async (prefix: string) => {
    const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM users WHERE id LIKE ?', [`${prefix}%`]);
    return Number((rows as Array<{ n: number }>)[0].n);
  };
  const run = (args: string[]) => startCli(args, env).exited;

  beforeAll(async () => {
    t = await TestApp.start();
    dir = mkdtempSync(join(tmpdir(), 'users-import-'));
    env = { APPWRITE_ENDPOINT: `${t.url}/v1`, APPWRITE_PROJECT: PROJECT, API_KEY: BOOTSTRAP_KEY };
  });
  afterAll(async () => {
    await t.stop();
  });

  it('imports a file: progress, a summary, a rejects file with line numbers, exit 1 for rejects', async () => {
    const file = join(dir, 'mixed.ndjson');
    const lines = [
      ...md5Lines(1, 6, 'mixed'),
      '{"userId": "broken",',
      JSON.stringify({ userId: 'mixed-bad', email: 'not an email' }),
      '',
      JSON.stringify({ userId: 'mixed-plain', email: 'plain@example.com', password: 'sample-password' }),
      JSON.stringify({ userId: 'mixed1', email: 'again@example.com' }),
      // Another user's email: a conflict to look at, not a line that "already existed".
      JSON.stringify({ userId: 'mixed-copy', email: 'mixed2@example.com' }),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await run([file, '--batch', '3']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/import 100% \| 11 users \| \d+ users\/s/);
    expect(result.stdout).toMatch(
      /read 12 lines: 7 created, 3 rejected, 1 already existed, in [\d.]+ s \(\d+ users\/s\)/,
    );
    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects.map((r) => [r.line, r.error.type, r.conflict])).toEqual([
      [7, 'import_line_invalid', undefined],
      [8, 'general_argument_invalid', undefined],
      [11, 'user_already_exists', 'id'],
      [12, 'user_already_exists', 'email'],
    ]);
    expect(rejects[0].original).toBe('{"userId": "broken",');
    expect(await count('mixed')).toBe(7);
    expect(existsSync(`${file}.checkpoint.json`)).toBe(false);

    // Run again from the start: every user is there already, and the bad lines are bad again.
    const again = await run([file, '--batch', '3', '--restart']);
    expect(again.stdout).toMatch(/read 12 lines: 0 created, 3 rejected, 8 already existed/);
    expect(again.code).toBe(1);
    expect(await count('mixed')).toBe(7);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGKILL', null],
  ] as const)(
    'resumes after %s mid-run from the checkpoint: every line imported once, no reject twice',
    async (signal, code) => {
      const prefix = `r${signal.toLowerCase()}`;
      const file = join(dir, `${prefix}.ndjson`);
      const lines = md5Lines(1, 400, prefix);
      lines[149] = '[1]';
      writeFileSync(file, `${lines.join('\n')}\n`);
      const first = startCli([file, '--batch', '10', '--concurrency', '1'], env);
      await pollUntil('a checkpoint', async () => existsSync(`${file}.checkpoint.json`), 30_000);
      first.child.kill(signal);
      const stopped = await first.exited;
      expect(stopped.code).toBe(code);
      if (signal === 'SIGINT')
        expect(stopped.stdout).toMatch(/interrupted: run the same command again to resume/);
      const checkpoint = JSON.parse(readFileSync(`${file}.checkpoint.json`, 'utf8')).line as number;
      expect(checkpoint).toBeGreaterThan(0);
      expect(checkpoint).toBeLessThan(400);

      const resumed = await run([file, '--batch', '10']);
      expect(resumed.stdout).toMatch(
        new RegExp(`read ${400 - checkpoint} lines \\(resumed after line ${checkpoint}\\)`),
      );
      expect(resumed.code).toBe(1);
      expect(await count(prefix)).toBe(399);
      const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const bad = rejects.filter((r) => r.error.type === 'import_line_invalid');
      expect(bad.map((r) => r.line)).toEqual([150]);
      expect(existsSync(`${file}.checkpoint.json`)).toBe(false);
    },
  );

  it('exits 2 with one line for a usage error and for a service it cannot reach', async () => {
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trimEnd().split('\n')).toHaveLength(1);
    const file = join(dir, 'one.ndjson');
    writeFileSync(file, `${md5Lines(1, 1, 'one')[0]}\n`);
    const down = await startCli([file, '--endpoint', 'http://127.0.0.1:9/v1'], env).exited;
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^users:import: cannot reach http:\/\/127\.0\.0\.1:9\/v1/);
    expect(down.stderr.trimEnd().split('\n')).toHaveLength(1);
    const wrongKey = await startCli([file, '--key', 'standard_nope'], env).exited;
    expect(wrongKey.code).toBe(2);
    expect(wrongKey.stderr).toMatch(/answered 401/);
  });
});
