import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { freshDatabaseUrl } from '../support/database';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitReady(port: number, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('service did not become ready');
}

describe('the service process (node dist/src/main.js)', () => {
  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'postgres://localhost/x'],
    ['ROLE', 'everything'],
    ['API_KEY', 'short'],
  ])('stops at start with a message naming %s when it is invalid', async (name, value) => {
    const proc = run({ [name]: value });
    expect(await proc.exit).toBe(1);
    expect(proc.output()).toContain(`${name}: `);
  });

  it('starts with ROLE=api, creates its database, serves, and exits 0 on SIGTERM after draining', async () => {
    const port = await freePort();
    const proc = run({
      ROLE: 'api',
      PORT: String(port),
      DATABASE_URL: freshDatabaseUrl(),
      API_KEY: 'lifecycle-key-0123456789',
      PROJECT_ID: 'p',
    });
    try {
      await waitReady(port);
      const created = await fetch(`http://127.0.0.1:${port}/v1/users`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-appwrite-project': 'p',
          'x-appwrite-key': 'lifecycle-key-0123456789',
        },
        body: JSON.stringify({ userId: 'life', password: 'password123' }),
      });
      expect(created.status).toBe(201);
      // A request in flight when SIGTERM arrives still gets its answer.
      const inFlight = fetch(`http://127.0.0.1:${port}/v1/users/life/password`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          'x-appwrite-project': 'p',
          'x-appwrite-key': 'lifecycle-key-0123456789',
        },
        body: JSON.stringify({ password: 'another password' }),
      });
      await new Promise((r) => setTimeout(r, 5));
      proc.child.kill('SIGTERM');
      expect((await inFlight).status).toBe(200);
      expect(await proc.exit).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  it('starts with ROLE=worker and exits 0 on SIGTERM', async () => {
    const proc = run({ ROLE: 'worker', DATABASE_URL: freshDatabaseUrl() });
    try {
      await new Promise((r) => setTimeout(r, 2500));
      proc.child.kill('SIGTERM');
      expect(await proc.exit).toBe(0);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
