import { Logger } from '@nestjs/common';
import type { RelayLock } from './relay-lock';

/** What the relay does when it becomes, or stops being, the one active relay. */
export interface LeadershipHandlers {
  lead(): Promise<void>;
  follow(reason: string): void;
}

/**
 * Keeps competing for the relay lock: a standby process retries every `retryMs`, the leader checks every
 * `retryMs` that it still holds it (its connection may have dropped silently) and steps down if not.
 */
export class RelayLeadership {
  private leading = false;
  private checking = false;
  private errorLogged = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly lock: RelayLock,
    private readonly retryMs: number,
    private readonly handlers: LeadershipHandlers,
    private readonly logger: Logger,
  ) {
    lock.onLost(() => this.stepDown('lost the relay lock'));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.retryMs).unref();
    void this.check();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.leading = false;
    await this.lock.release();
  }

  private async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    this.checking = true;
    try {
      if (this.leading) {
        if (!(await this.lock.isHeld())) this.stepDown('lost the relay lock');
      } else if (await this.lock.acquire()) {
        this.leading = true;
        await this.handlers.lead();
      }
      this.errorLogged = false;
    } catch (error) {
      // A leader whose `lead` failed holds the lock without delivering: let another process try.
      if (this.leading) this.stepDown('could not start', true);
      if (!this.errorLogged) this.logger.warn(`Relay lock unavailable: ${(error as Error).message}`);
      this.errorLogged = true;
    } finally {
      this.checking = false;
    }
  }

  private stepDown(reason: string, release = false): void {
    if (!this.leading) return;
    this.leading = false;
    this.handlers.follow(reason);
    if (release) void this.lock.release();
  }
}
