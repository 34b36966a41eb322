/** The config module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { ConfigModule } from './config.module';
export { APP_CONFIG, ConfigError, loadConfig } from './config';
export type { AppConfig } from './config';
