import {
  AppendRequest,
  ConcurrencyError,
  MysqlDataKeys,
  MysqlEventStore,
  recordedFrom,
} from '@libs/event-store';
import { Argon2Hasher } from '@libs/passwords';
import { createConnection, createPool, Pool, PoolConnection } from 'mysql2/promise';
import { AppConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { ensureDatabase } from '../../src/database/ensure-database';
import { resolveMasterKeys } from '../../src/database/master-keys';
import { runMigrations } from '../../src/database/migrate';
import {
  USER_EVENTS,
  USER_STREAM,
  UserCreatedEvent,
  UserEvent,
  UserLabelsChangedEvent,
} from '../../src/users/domain/events';
import { EMAIL_SCOPE, PHONE_SCOPE } from '../../src/users/domain/user.aggregate';
import { UserProjection } from '../../src/users/infrastructure/user.projection';
import { fakeUser, seededUserId } from './fake-users';

export const SEED_PASSWORD = 'correct-horse-battery-staple';
const WORKERS = 32;
const MAX_ATTEMPTS = 50;

export interface SeedResult {
  users: number;
  seconds: number;
  usersPerSecond: number;
  events: number;
  /** Appends re-run after the store reported a ConcurrencyError (a deadlock: every stream here is new). */
  deadlockRetries: number;
}

/** Drops the database (a fresh one every run), creates it and runs the migrations, as the service would. */
export async function resetDatabase(url: string): Promise<void> {
  const { database, ...options } = poolOptionsFromUrl(url, 1);
  const connection = await createConnection({ ...options, connectTimeout: 10000 });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
  await ensureDatabase(url);
  const dataSource = await createDataSource(url).initialize();
  try {
    await runMigrations(url, dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Appends `count` users straight through the event store (one `user` stream each, with the email/phone
 * unique constraints the aggregate would claim) with the real projection as the inline `project` hook, so
 * the read table and the search tokens are exactly what the API would have written. Every user shares
 * one argon2 hash computed once with the server's parameters: the bench must not spend 100k hashes here.
 */
export async function seedUsers(url: string, config: AppConfig, count: number): Promise<SeedResult> {
  const hasher = new Argon2Hasher({
    memoryCost: config.ARGON2_MEMORY_COST,
    timeCost: config.ARGON2_TIME_COST,
    parallelism: config.ARGON2_PARALLELISM,
  });
  const stored = await hasher.hash(SEED_PASSWORD);
  const pool = readCommittedPool(url, WORKERS + 2);
  const store = new MysqlEventStore(pool, new MysqlDataKeys(pool, resolveMasterKeys(config, console.warn)));
  const projection = new UserProjection();

  let next = 0;
  let done = 0;
  let events = 0;
  let retries = 0;
  const started = performance.now();
  const step = Math.max(1000, Math.ceil(count / 10 / 1000) * 1000);

  let failed = false;
  const worker = async () => {
    for (let index = next++; index < count && !failed; index = next++) {
      const user = fakeUser(index);
      const domain: UserEvent[] = [
        new UserCreatedEvent({
          userId: user.id,
          name: user.name,
          email: user.email,
          phone: user.phone,
          password: stored.hash,
          hash: stored.algorithm,
          hashOptions: stored.options,
        }),
      ];
      if (user.labels.length > 0) domain.push(new UserLabelsChangedEvent({ labels: user.labels }));
      const batch = domain.map((event) => USER_EVENTS.toNew(event, user.id));
      const claims = [{ op: 'claim' as const, scope: EMAIL_SCOPE, value: user.email }];
      if (user.phone) claims.push({ op: 'claim', scope: PHONE_SCOPE, value: user.phone });
      const request: AppendRequest<PoolConnection> = {
        streamType: USER_STREAM,
        streamId: user.id,
        expectedVersion: 0,
        events: batch,
        metadata: { actor: { type: 'system', id: 'bench-seed' } },
        uniqueConstraints: claims,
        project: (tx, appended) =>
          projection.apply(
            tx,
            appended.map((event, i) => recordedFrom(event, domain[i])),
          ),
      };
      retries += await appendWithRetry(store, request).catch((error: unknown) => {
        failed = true;
        throw new Error(`seeding user #${index} (${user.email}) failed: ${(error as Error).message}`);
      });
      events += batch.length;
      done += 1;
      if (done % step === 0 && done < count) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`  seeded ${done.toLocaleString('en-US')} users (${Math.round(done / seconds)} users/s)`);
      }
    }
  };

  // allSettled: on a failure the other workers stop at their next user, and only then is the pool closed.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(WORKERS, count) }, worker));
  await pool.end();
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  const seconds = (performance.now() - started) / 1000;
  return { users: done, seconds, usersPerSecond: done / seconds, events, deadlockRetries: retries };
}

/**
 * A pool whose connections run at READ COMMITTED. At MariaDB's default REPEATABLE READ, the projection's
 * reindex of a new user (`DELETE FROM user_search_tokens WHERE user_sequence = ?` with no row yet) takes a
 * next-key lock on the supremum of `ix_user_search_tokens_user`; every concurrent creation then waits on the
 * others' gap lock with its INSERT and they deadlock (service issue, seen at 32 workers). READ COMMITTED
 * takes no gap locks, so seeding writes exactly the same rows without the deadlocks.
 */
export function readCommittedPool(url: string, size: number): Pool {
  const pool = createPool(poolOptionsFromUrl(url, size));
  const ready = new WeakSet<object>();
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = async () => {
    const connection = await getConnection();
    if (!ready.has(connection.connection)) {
      await connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      ready.add(connection.connection);
    }
    return connection;
  };
  return pool;
}

/**
 * Every stream is new, so a ConcurrencyError can only be a deadlock the store mapped to it; re-run the
 * append with jitter, as the service's own repository does (withConcurrencyRetry). Returns the retries.
 */
export async function appendWithRetry(
  store: MysqlEventStore,
  request: AppendRequest<PoolConnection>,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.append(request);
      return attempt - 1;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
    }
  }
}

/** The stable ids of the seeded users, in seeding order. */
export function seededIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => seededUserId(i));
}
