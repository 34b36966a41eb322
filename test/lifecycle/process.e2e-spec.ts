import { request as httpRequest } from 'node:http';
import { createServer, Server, Socket } from 'node:net';
import { freshDatabaseUrl } from '../support/database';
import { freePort, spawnService, Spawned } from '../support/processes';

const KEY = 'lifecycle-key-0123456789';
const HEADERS = { 'content-type': 'application/json', 'x-appwrite-project': 'p', 'x-appwrite-key': KEY };

/** Polls until `probe` is true; the bound is generous because a loaded machine boots slowly. */
async function waitFor(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const printed = (proc: Spawned, text: string) => () => {
  if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
  return proc.output().includes(text);
};

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}

/** A TCP server that accepts connections and never answers: a database that hangs the boot. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

describe('the service process (node dist/src/main.js)', () => {
  const spawned: Spawned[] = [];
  const start = (env: Record<string, string>) => {
    const proc = spawnService(env);
    spawned.push(proc);
    return proc;
  };
  afterEach(() => {
    for (const proc of spawned.splice(0)) proc.child.kill('SIGKILL');
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'postgres://localhost/x'],
    ['ROLE', 'everything'],
    ['API_KEY', 'short'],
  ])('stops at start with a message naming %s when it is invalid', async (name, value) => {
    const proc = start({ [name]: value });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain(`${name}: `);
  });

  it('starts with ROLE=api, creates its database, serves, and exits 0 on SIGTERM after draining', async () => {
    const port = await freePort();
    const proc = start({
      ROLE: 'api',
      PORT: String(port),
      DATABASE_URL: freshDatabaseUrl(),
      API_KEY: KEY,
      PROJECT_ID: 'p',
    });
    await waitFor(() => ready(port), 'readiness');
    const created = await fetch(`http://127.0.0.1:${port}/v1/users`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ userId: 'life', password: 'password123' }),
    });
    expect(created.status).toBe(201);

    // A request whose body is still arriving when SIGTERM comes is in flight for certain; it still gets its
    // answer. Its headers go first, and the signal only after the server has had ample time to read them.
    const body = JSON.stringify({ password: 'another password' });
    const answer = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'PATCH',
          path: '/v1/users/life/password',
          headers: { ...HEADERS, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => {
        proc.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(5)), 300);
      }, 500);
    });
    expect(await answer).toBe(200);
    expect(await proc.exited).toBe(0);
  });

  it('starts with ROLE=worker and exits 0 on SIGTERM', async () => {
    const proc = start({ ROLE: 'worker', DATABASE_URL: freshDatabaseUrl(), LOG_LEVEL: 'info' });
    await waitFor(printed(proc, 'Worker started'), 'the worker to start');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('exits 0 promptly on SIGTERM while Redis is down (the queues do not wait on it)', async () => {
    const proc = start({
      ROLE: 'worker',
      DATABASE_URL: freshDatabaseUrl(),
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
    });
    await waitFor(printed(proc, 'Relay active'), 'the relay to start');
    const signalledAt = Date.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(8000);
  });

  it('stops cleanly, with exit code 0, on a SIGTERM that arrives during start-up', async () => {
    const db = await silentServer();
    try {
      const proc = start({
        ROLE: 'api',
        PORT: String(await freePort()),
        DATABASE_URL: `mysql://root@127.0.0.1:${db.port}/boot`,
        LOG_LEVEL: 'info',
      });
      await waitFor(printed(proc, 'Starting (ROLE=api)'), 'the boot to begin');
      // The boot now waits on a database that never answers; the signal must not wait for it.
      await waitFor(() => db.sockets.length > 0, 'the database connection');
      const signalledAt = Date.now();
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(8000);
      expect(proc.output()).toContain('SIGTERM received during start-up');
      expect(proc.output()).not.toContain('Failed to start');
    } finally {
      for (const socket of db.sockets) socket.destroy();
      db.server.close();
    }
  });
});
