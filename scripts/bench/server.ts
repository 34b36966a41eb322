import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 60_000;
const KILL_AFTER_MS = 10_000;

/** A port the kernel just handed out (closed again before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ProcessOptions {
  /** The script to run; default `dist/src/main.js` (the service). */
  entry?: string;
  /** Prefix of its log lines and name in errors; default `server`. */
  label?: string;
}

/** `node dist/src/main.js` in its own process, so the load generator never shares its event loop. */
export class ServerProcess {
  private exited = false;
  private exitCode: number | string | null = null;
  private readonly tail: string[] = [];
  private readonly exitPromise: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly label: string,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.tail.push(line);
        if (this.tail.length > 30) this.tail.shift();
        process.stderr.write(`  [${label}] ${line}\n`);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exited = true;
        this.exitCode = code ?? signal;
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  static async start(env: Record<string, string>, options: ProcessOptions = {}): Promise<ServerProcess> {
    const port = await freePort();
    // This file is dist/scripts/bench/server.js once built; the service is dist/src/main.js.
    const main = options.entry ?? join(__dirname, '..', '..', 'src', 'main.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, options.label ?? 'server');
    // A process that never got ready must not outlive the bench either.
    await server.waitReady().catch((error: unknown) => {
      server.killNow();
      throw error;
    });
    return server;
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (this.exited)
        throw new Error(
          `the ${this.label} exited (${this.exitCode}) before it was ready:\n${this.lastLines()}`,
        );
      try {
        const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
        last = `HTTP ${response.status}: ${await response.text()}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `the ${this.label} was not ready within ${READY_TIMEOUT_MS / 1000} s (${last}):\n${this.lastLines()}`,
    );
  }

  lastLines(): string {
    return this.tail.map((line) => `    ${line}`).join('\n') || '    (no output)';
  }

  /** Fails when the process died during a scenario (a crash must not pass for a slow run). */
  assertAlive(): void {
    if (this.exited)
      throw new Error(`the ${this.label} exited (${this.exitCode}) during the run:\n${this.lastLines()}`);
  }

  /** User + system CPU seconds the server process has used so far (Linux /proc), or null elsewhere. */
  cpuSeconds(): number | null {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime), in clock ticks; 100 ticks/s on Linux.
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  }

  /** SIGTERM (the service drains), then SIGKILL if it is still there after 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), KILL_AFTER_MS);
    await this.exitPromise;
    clearTimeout(timer);
  }

  /** Last resort from a synchronous `exit` handler. */
  killNow(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
