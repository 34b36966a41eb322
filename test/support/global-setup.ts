import { execFileSync } from 'node:child_process';

/**
 * One database prefix and one Redis key prefix per run; each test file creates its own database and queue
 * prefix under them (see test-app.ts), so files never see each other's users or jobs and the teardown finds
 * them all. The build is needed by the tests that start `node dist/src/main.js`.
 */
export default async function globalSetup(): Promise<void> {
  const run = Date.now().toString(36);
  process.env.TEST_DB_PREFIX = `identity_test_${run}`;
  process.env.TEST_REDIS_PREFIX = `test-${run}`;
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
