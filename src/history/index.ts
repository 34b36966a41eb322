/** The history module's public surface: other modules import this file, nothing deeper. */
export { HistoryModule } from './history.module';
