/** The redis module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { REDIS, RedisModule } from './redis.module';
export { redisStatus, watchRedisClient } from './redis-status';
