import { freshDatabaseUrl } from '../support/database';
import { answers200, freePort, killGroup, pollUntil, portIsFree, spawnNpm } from '../support/processes';
import { deleteRedisKeys, freshQueuePrefix, testRedisUrl } from '../support/redis-keys';

describe('npm start (as the README starts the service)', () => {
  it('stops the service when the npm process gets SIGTERM, and frees the port', async () => {
    const port = await freePort();
    const prefix = freshQueuePrefix();
    const npm = spawnNpm(['start'], {
      PORT: String(port),
      DATABASE_URL: freshDatabaseUrl(),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      API_KEY: 'npm-start-key-0123456789',
      LOG_LEVEL: 'warn',
      // The API role has its signal handlers in place once it answers; what a signal does earlier in the
      // start-up is test/lifecycle's subject, not npm's.
      ROLE: 'api',
    });
    try {
      await pollUntil(
        'the service answers',
        () => answers200(`http://127.0.0.1:${port}/health/ready`),
        60_000,
      );

      npm.child.kill('SIGTERM');

      // npm forwards the signal to node, which drains and exits 0; npm then exits with node's status.
      expect(await npm.exited).toBe(0);
      await pollUntil('the port is free', () => portIsFree(port), 15_000);
      expect(await answers200(`http://127.0.0.1:${port}/health/live`)).toBe(false);
    } finally {
      killGroup(npm);
      await deleteRedisKeys(prefix);
    }
  }, 90_000);
});
