/** The health module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { HealthModule } from './health.module';
