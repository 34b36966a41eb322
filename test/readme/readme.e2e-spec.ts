import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freshDatabaseUrl } from '../support/database';
import { answers200, freePort, pollUntil } from '../support/processes';
import { deleteRedisKeys, freshQueuePrefix, testRedisUrl } from '../support/redis-keys';

const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface ShellBlock {
  line: number;
  code: string;
  /** From a `<!-- readme-test: … -->` line above the block: `server`, `skip (reason)`, or none (run it). */
  marker?: string;
}

/** The README's ```sh blocks, in order, with the marker comment right above each. */
function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```sh') continue;
    const end = lines.indexOf('```', i + 1);
    let previous = i - 1;
    while (previous > 0 && lines[previous].trim() === '') previous--;
    const marker = /^<!-- readme-test: (.+) -->$/.exec(lines[previous]?.trim() ?? '')?.[1];
    blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n'), marker });
    i = end;
  }
  return blocks;
}

/** Paths the text names in links or code spans under the repository's own folders. */
function namedPaths(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)#\s]+)\)/g)]
    .map((m) => m[1])
    .filter((p) => !/^[a-z]+:/.test(p));
  const spans = [
    ...markdown.matchAll(/`((?:docker|scripts|src|libs|test|examples|docs|\.ci)\/[\w./-]+)`/g),
  ].map((m) => m[1]);
  return [...new Set([...links, ...spans])];
}

/** What a reader's shell has: PATH (the Node running these tests first) and HOME, nothing of the test run. */
function freshEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/tmp',
    ...extra,
  };
}

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('README', () => {
  it('names only files that are in the repository (README and docs/)', () => {
    for (const file of ['README.md', 'docs/api.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const missing = namedPaths(text).filter(
        (path) => !existsSync(join(ROOT, dirname(file), path)) && !existsSync(join(ROOT, path)),
      );
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('lists every configuration variable of src/config/config.ts in its configuration table', () => {
    const schema = readFileSync(join(ROOT, 'src/config/config.ts'), 'utf8');
    const variables = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThanOrEqual(26);
    const table = README.slice(
      README.indexOf('## Configuration'),
      README.indexOf('\n## ', README.indexOf('## Configuration') + 1),
    );
    const rows = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect(variables.filter((v) => !rows.includes(v))).toEqual([]);
  });

  it('runs as written: its shell blocks in order in fresh shells against the service it starts', async () => {
    const blocks = shellBlocks(README);
    const servers = blocks.filter((b) => b.marker === 'server');
    const commands = blocks.filter((b) => b.marker === undefined);
    const unknown = blocks.filter(
      (b) => b.marker !== undefined && b.marker !== 'server' && !/^skip \(.+\)$/.test(b.marker),
    );
    expect(unknown).toEqual([]);
    expect(servers).toHaveLength(1);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    // Every command block comes after the one that starts the service (the "second terminal").
    expect(commands.every((b) => b.line > servers[0].line)).toBe(true);

    // The only differences from a reader's machine: a port, a database and a Redis prefix of this test's own.
    const port = await freePort();
    const prefix = freshQueuePrefix();
    const isolation = { DATABASE_URL: freshDatabaseUrl(), REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix };
    const onPort = (code: string) => code.replace(/(localhost|127\.0\.0\.1):3000\b/g, `$1:${port}`);

    const server = spawn('bash', ['-e', '-c', servers[0].code], {
      cwd: ROOT,
      env: freshEnv({ ...isolation, PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let serverOutput = '';
    server.stdout.on('data', (d: Buffer) => (serverOutput += d.toString()));
    server.stderr.on('data', (d: Buffer) => (serverOutput += d.toString()));
    const serverExited = new Promise((resolve) => server.on('exit', resolve));
    try {
      await pollUntil(
        'the service started by the README',
        () => answers200(`http://127.0.0.1:${port}/health/ready`),
        45_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${serverOutput}`);
      });

      const script = commands.map((b) => `echo '--- README.md:${b.line}'\n${onPort(b.code)}`).join('\n');
      const result = await run(
        script,
        freshEnv({ ...isolation, APPWRITE_ENDPOINT: `http://localhost:${port}/v1` }),
      );
      const context = `${result.output}\n--- service:\n${serverOutput.slice(-3000)}`;

      expect({ code: result.code, context }).toEqual({ code: 0, context });
      // curl prints error bodies without failing: none may appear.
      expect(result.output).not.toMatch(/"code":\s*[45]\d\d/);
      expect(result.output).toMatch(/"email":"ada@example\.com"/);
      expect(result.output).toMatch(/"total":1,"users":\[\{"\$id"/);
      expect(result.output).toMatch(/^created Grace Hopper <grace\.\d+@example\.com> as [0-9a-f]{20}$/m);
      expect(result.output).toMatch(/^users labelled vip: 1 \(grace\.\d+@example\.com\)$/m);
      expect(result.output).toMatch(/^second factor required$/m);
      expect(result.output).toMatch(/"factors":\["password","totp"\]/);
      expect(result.output).toMatch(/^Revoked API key [0-9a-f-]{36} \(reporting\)/m);
    } finally {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([serverExited, new Promise((r) => setTimeout(r, 15_000).unref())]);
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // Stopped by SIGTERM, as it should.
      }
      await deleteRedisKeys(prefix);
    }
  }, 120_000);
});
