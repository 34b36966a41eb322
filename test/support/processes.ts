import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freshQueuePrefix } from './redis-keys';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  /** stdout and stderr, interleaved as they came. */
  output: () => string;
  exited: Promise<number | null>;
}

/** The master key of sealed event fields in tests (a constant, so no test writes a key file). */
export const TEST_DATA_KEY = 'dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=';

export interface SpawnedNpm extends Spawned {
  stdout: () => string;
  stderr: () => string;
}

/** `node dist/src/main.js` (built by the global setup) with the given environment. */
export function spawnService(env: Record<string, string>): Spawned {
  let output = '';
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      SKIP_SERVICES: '1',
      DATA_KEY: TEST_DATA_KEY,
      QUEUE_PREFIX: freshQueuePrefix(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * An npm command run as a user types it (`npm start`, `npm run keys:list`), with only the given environment plus
 * PATH and HOME. The Node running the tests comes first on PATH, so npm and the service run on it.
 */
export function spawnNpm(args: string[], env: Record<string, string>): SpawnedNpm {
  let output = '';
  let stdout = '';
  let stderr = '';
  const child = spawn('npm', args, {
    env: {
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? '/tmp',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so killGroup() can also stop what npm started if npm itself is gone.
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, stdout: () => stdout, stderr: () => stderr, exited };
}

/** SIGKILLs the process group of a spawnNpm() child (npm, the shell and the service), if any is left. */
export function killGroup(spawned: Spawned): void {
  try {
    if (spawned.child.pid) process.kill(-spawned.child.pid, 'SIGKILL');
  } catch {
    // Nothing left in the group.
  }
}

/** Polls `check` until it returns true; fails after `timeoutMs`, naming `what`. */
export async function pollUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when `url` answers 200. */
export async function answers200(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

/** True when nothing listens on `port` any more (on any address: we can bind it ourselves). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/**
 * A private Redis for tests that stop and start it (the shared one on 6379 is never touched). It persists with
 * AOF, as BullMQ advises for production, so jobs survive the restart like they would there.
 */
export class PrivateRedis {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'identity-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const binary =
      ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? 'redis-server';
    this.process = spawn(
      binary,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    const until = Date.now() + 10000;
    while (Date.now() < until) {
      if (await this.answers()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('private redis did not start');
  }

  /** Loses everything it held, as a Redis without persistence (or a failover to an empty replica) would. */
  async restartEmpty(): Promise<void> {
    await this.stop();
    for (const file of readdirSync(this.dir)) rmSync(join(this.dir, file), { recursive: true, force: true });
    await this.resume();
  }

  /** Stops it hard, as a crash or a network cut would look to the service. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP: connections stay open but nothing answers, as a Redis stuck on a slow disk or a swap storm. */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('data', (d: Buffer) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.write('PING\r\n');
    });
  }
}
