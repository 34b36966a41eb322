/**
 * Signal handling for the whole life of the process, boot included. It is imported before anything else in
 * main.ts, so a SIGTERM or Ctrl-C that arrives while modules load, migrations run or the worker connects
 * is handled here rather than by Node's default (which kills the process mid-migration, without draining).
 */
export interface Closable {
  close(): Promise<void>;
}

type Log = (message: string) => void;

export class ProcessShutdown {
  private readonly started: Closable[] = [];
  private readonly blockers = new Set<Promise<unknown>>();
  private stopping: Promise<void> | undefined;
  private timeoutMs = 10_000;
  private log: Log = (message) => process.stderr.write(`${message}\n`);

  constructor(private readonly exit: (code: number) => void = (code) => process.exit(code)) {}

  /** Installs the handlers; a second signal while stopping forces the exit. */
  install(): this {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          this.log(`${signal} received again: exiting now`);
          this.exit(1);
          return;
        }
        void this.stop(signal);
      });
    }
    return this;
  }

  configure(options: { timeoutMs: number; log: Log }): void {
    this.timeoutMs = options.timeoutMs;
    this.log = options.log;
  }

  get requested(): boolean {
    return this.stopping !== undefined;
  }

  /**
   * Records a started application; it is closed (in reverse order) on stop. Returns false when a stop was
   * requested meanwhile, so the boot goes no further.
   */
  add(context: Closable): boolean {
    this.started.push(context);
    return !this.requested;
  }

  /** Work that must finish before the process exits, such as a migration that has started. */
  protect<T>(work: Promise<T>): Promise<T> {
    this.blockers.add(work);
    const done = () => this.blockers.delete(work);
    work.then(done, done);
    return work;
  }

  stop(signal: string): Promise<void> {
    this.stopping ??= this.drain(signal);
    return this.stopping;
  }

  private async drain(signal: string): Promise<void> {
    const timer = setTimeout(() => {
      this.log(`Shutdown took longer than ${this.timeoutMs} ms; exiting`);
      this.exit(1);
    }, this.timeoutMs);
    timer.unref();
    this.log(
      this.started.length === 0
        ? `${signal} received during start-up: stopping`
        : `${signal} received: draining`,
    );
    await Promise.allSettled([...this.blockers]);
    // Newest first: the worker stops taking jobs before the API stops answering.
    let code = 0;
    for (const context of [...this.started].reverse()) {
      await context.close().catch((error: unknown) => {
        this.log(`Shutdown: ${error instanceof Error ? error.message : String(error)}`);
        code = 1;
      });
    }
    this.exit(code);
  }
}

export const processShutdown = new ProcessShutdown();
