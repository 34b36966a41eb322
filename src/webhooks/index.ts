/** The webhooks module's public surface: other modules import this file, nothing deeper. */
export { WebhooksModule } from './webhooks.module';
export { WebhooksWorkerModule } from './webhooks-worker.module';
export { WEBHOOK_FANOUT } from './workers/webhook-fanout.subscription';
