import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@libs/event-store';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config';
import { EVENT_STORE } from '../database';
import { REDIS } from '../redis';
import { relayWakeChannel } from './queue-connection';

/**
 * Publishes a wake-up on the relay channel after each commit. Fire and forget: a lost message only means
 * the relay finds the events at its next poll. Publishes are coalesced to one in flight plus one pending.
 */
@Injectable()
export class RelayNotifier implements OnModuleInit {
  private inFlight = false;
  private pending = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.store.onCommitted(() => this.notify());
  }

  notify(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.redis
      .publish(relayWakeChannel(this.config), '')
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (!this.pending) return;
        this.pending = false;
        this.notify();
      });
  }
}

/** Wakes the relay right after each commit (API side). */
@Module({ providers: [RelayNotifier] })
export class RelayNotifierModule {}
