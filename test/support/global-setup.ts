import { execFileSync } from 'node:child_process';

/**
 * One database prefix per run; each test file creates its own database under it (see test-app.ts), so files
 * never see each other's users. The build is needed by the tests that start `node dist/src/main.js`.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_DB_PREFIX = `identity_test_${Date.now().toString(36)}`;
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
