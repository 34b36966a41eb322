import 'reflect-metadata';
import { loadConfig } from '../../src/config/config';
import { resetDatabase, seedUsers } from '../bench/seed';

/**
 * A database to measure the projection tools on: `node dist/scripts/projections/seed-bench.js N` drops and
 * recreates the database at DATABASE_URL (never point it at a real one), then appends N users through the
 * event store with the real projection, as the bench does (each user sealed with its own data key).
 */
async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100_000);
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_KEY: process.env.DATA_KEY,
    LOG_LEVEL: 'warn',
  });
  await resetDatabase(config.DATABASE_URL);
  const seed = await seedUsers(config.DATABASE_URL, config, users);
  console.log(`${seed.users} users, ${seed.events} events in ${seed.seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
