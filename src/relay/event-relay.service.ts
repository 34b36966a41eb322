import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EventDecoder, EventStore } from '@libs/event-store';
import { closeWithin } from './bounded-close';
import type { CheckpointStore } from './relay-checkpoints';
import { enqueueEvents, RelayQueue } from './relay-queues';
import type { RelayLock } from './relay-lock';
import { RelayLeadership } from './relay-leadership';
import { RelayWindow } from './relay-window';

export interface EventRelayDeps {
  store: Pick<EventStore, 'readAll' | 'onCommitted'>;
  /** Decodes the events a subscription with a `when` rule must look into. */
  decoder: Pick<EventDecoder, 'decode'>;
  queues: readonly RelayQueue[];
  checkpoints: CheckpointStore;
  lock: RelayLock;
  /** Closed after the relay stops (queues, Redis connections). */
  dispose?: Array<() => Promise<void>>;
  /** Work that runs only while this relay is the active one (the consumer reconciler). */
  companions?: Array<{ start(): void; stop(): Promise<void> }>;
}

export interface EventRelayOptions {
  batchSize: number;
  pollMs: number;
  /** How long a missing position may stay uncommitted before the checkpoint passes it; default 60 s. */
  gapGraceMs?: number;
  /** How often a standby relay tries to take the lock (and an active one checks it); default 3 s. */
  lockRetryMs?: number;
  /** Longest pause after failed deliveries; default 5 s. */
  maxBackoffMs?: number;
  /**
   * Least time between two checkpoint writes while delivering; default 250 ms. Each write is a durable commit,
   * so writing after every small pass doubled the database work of a busy relay; a checkpoint that lags a
   * little only means a few events are delivered again after a restart, which consumers absorb.
   */
  checkpointIntervalMs?: number;
  now?: () => number;
}

const MAX_PROBES_PER_PASS = 200;

/**
 * Moves events from the event store to the BullMQ queues whose subscriptions accept them,
 * at least once, with the event id as job id. Only the holder of the relay lock delivers. Woken after
 * commits and by a poll timer; wakes are coalesced into one pass in flight plus one pending.
 */
export class EventRelayService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventRelay');
  private readonly now: () => number;
  private window: RelayWindow | undefined;
  private saved = 0;
  private savedAt = 0;
  private stopped = true;
  private subscribed = false;
  private queued = false;
  private tail: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private retryAt = 0;
  private poll: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;
  private readonly leadership: RelayLeadership;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly deps: EventRelayDeps,
    private readonly options: EventRelayOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.leadership = new RelayLeadership(
      deps.lock,
      options.lockRetryMs ?? 3000,
      {
        lead: () => this.activate(),
        follow: (reason) => this.deactivate(reason),
      },
      this.logger,
    );
  }

  onModuleInit(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Starts competing for the lock and, once it holds it, delivering. */
  start(): void {
    if (!this.stopped || this.stopping) return;
    this.stopped = false;
    if (!this.subscribed) this.deps.store.onCommitted(() => this.wake());
    this.subscribed = true;
    this.poll = setInterval(() => this.wake(), this.options.pollMs).unref();
    this.leadership.start();
  }

  /** Stops after the pass in flight, releases the lock and closes the queues. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      clearInterval(this.poll);
      const window = this.window;
      this.window = undefined;
      await this.tail;
      if (window) await this.saveCheckpoint(window, true).catch(() => undefined);
      for (const companion of this.deps.companions ?? []) await companion.stop();
      await this.leadership.stop();
      for (const dispose of this.deps.dispose ?? [])
        await closeWithin(() => dispose().catch(() => undefined));
    })();
    return this.stopping;
  }

  /** Whether this process holds the lock and delivers. */
  get active(): boolean {
    return this.window !== undefined;
  }

  /** The position up to which every event was delivered (or given up as never committed). */
  checkpoint(): number {
    return this.window?.checkpoint ?? this.saved;
  }

  /** Asks for a pass soon. Cheap and safe to call on every commit. */
  wake(): void {
    if (!this.window || this.queued || this.now() < this.retryAt) return;
    this.queued = true;
    void this.serial(async () => {
      this.queued = false;
      await this.pass().then(
        () => this.recovered(),
        (error: unknown) => this.failed(error),
      );
    });
  }

  /** Delivers until a pass finds nothing new; waits for the lock first. Errors are thrown, not retried. */
  async drain(timeoutMs = 10_000): Promise<void> {
    await this.whenActive(timeoutMs);
    while ((await this.serial(() => this.pass())) > 0) this.recovered();
    await this.serial(async () => {
      if (this.window) await this.saveCheckpoint(this.window, true);
    });
    this.recovered();
  }

  private async pass(): Promise<number> {
    const window = this.window;
    if (!window) return 0;
    let delivered = 0;
    const probeTime = this.now();
    for (const gap of window.gapsToProbe(probeTime, MAX_PROBES_PER_PASS)) {
      const [event] = await this.deps.store.readAll(gap - 1, 1);
      if (event?.position !== gap) {
        window.stillEmpty(gap, probeTime);
        continue;
      }
      await enqueueEvents(this.deps.queues, [event], this.deps.decoder);
      window.accept([gap], probeTime);
      delivered++;
    }
    for (;;) {
      const events = await this.deps.store.readAll(window.highWater, this.options.batchSize);
      if (events.length > 0) await enqueueEvents(this.deps.queues, events, this.deps.decoder);
      window.accept(
        events.map((e) => e.position),
        this.now(),
      );
      delivered += events.length;
      await this.saveCheckpoint(window);
      if (events.length < this.options.batchSize || this.window !== window) return delivered;
    }
  }

  private async saveCheckpoint(window: RelayWindow, force = false): Promise<void> {
    const now = this.now();
    const position = window.advance(now);
    if (position <= this.saved) return;
    if (!force && now - this.savedAt < (this.options.checkpointIntervalMs ?? 250)) return;
    await this.deps.checkpoints.save(position);
    this.saved = position;
    this.savedAt = now;
  }

  private failed(error: unknown): void {
    this.failures++;
    this.retryAt =
      this.now() + Math.min(this.options.maxBackoffMs ?? 5000, 250 * 2 ** Math.min(this.failures, 10));
    // One line per outage: the poll would otherwise log the same failure twice a second.
    if (this.failures === 1) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Cannot deliver events (${message}); they stay in MySQL, retrying with backoff`);
    }
  }

  private recovered(): void {
    if (this.failures > 0) this.logger.log(`Delivering events again after ${this.failures} failed attempts`);
    this.failures = 0;
    this.retryAt = 0;
  }

  private async activate(): Promise<void> {
    const position = await this.deps.checkpoints.load();
    if (this.stopped) return;
    this.saved = position;
    this.window = new RelayWindow(position, this.options.gapGraceMs ?? 60_000);
    this.logger.log(`Relay active from position ${position}`);
    for (const companion of this.deps.companions ?? []) companion.start();
    for (const resolve of this.waiters.splice(0)) resolve();
    this.wake();
  }

  private deactivate(reason: string): void {
    if (!this.window) return;
    this.window = undefined;
    for (const companion of this.deps.companions ?? []) void companion.stop();
    if (!this.stopped) this.logger.warn(`Relay on standby: ${reason}`);
  }

  private whenActive(timeoutMs: number): Promise<void> {
    if (this.window) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('The relay did not get its lock in time'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Runs passes one at a time, in call order. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
