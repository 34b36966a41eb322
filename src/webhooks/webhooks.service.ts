import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateUniqueId, UNIQUE_ID_PLACEHOLDER } from '@libs/http/params';
import { APP_CONFIG, AppConfig } from '../config';
import { privateUrlError, WebhookDeliveryNotFoundError, WebhookNotFoundError } from './domain/webhook.errors';
import { hostAddress, isPublicAddress } from './domain/webhook-url.policy';
import type { WebhookBody } from './commands/webhook.params';
import { firstRefusedAddress } from './infrastructure/address-guard';
import { DeliveriesRepository } from './infrastructure/deliveries.repository';
import { WebhookEventReader } from './infrastructure/event-reader';
import { WebhookQueues } from './infrastructure/webhook-queues';
import type { DeliveryRecord, ReplayJobData, WebhookRecord } from './infrastructure/webhook.types';
import { WebhookSettings, WebhooksRepository } from './infrastructure/webhooks.repository';

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSignatureKey = () => `whsec_${randomBytes(32).toString('base64')}`;

function settingsOf({ name, url, events, enabled, security, httpUser }: WebhookRecord): WebhookSettings {
  return { name, url, events, enabled, security, httpUser };
}

/** Where replay starts: after a position of the event log, or at a time. */
export type ReplayFrom = { position: number } | { since: Date };

/** The webhooks' use cases, for their controllers. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly queues: WebhookQueues,
    private readonly events: WebhookEventReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a webhook; its signing secret is returned this once. */
  async create(
    webhookId: string,
    body: WebhookBody,
  ): Promise<{ webhook: WebhookRecord; signatureKey: string }> {
    await this.checkUrl(body.url);
    const id = webhookId === UNIQUE_ID_PLACEHOLDER ? generateUniqueId() : webhookId;
    const signatureKey = newSignatureKey();
    const { httpPass, ...settings } = body;
    await this.webhooks.create(id, settings, { signatureKey, httpPass });
    return { webhook: await this.get(id), signatureKey };
  }

  async get(id: string): Promise<WebhookRecord> {
    const webhook = await this.webhooks.get(id);
    if (!webhook) throw new WebhookNotFoundError();
    return webhook;
  }

  list(limit: number, offset: number) {
    return this.webhooks.list(limit, offset);
  }

  /** Changes what is given; a new `httpPass` is sealed again with the current signing secret. */
  async update(id: string, patch: Partial<WebhookBody>): Promise<WebhookRecord> {
    const current = await this.get(id);
    if (patch.url !== undefined && patch.url !== current.url) await this.checkUrl(patch.url);
    const { httpPass: _secret, ...changes } = patch;
    const settings = { ...settingsOf(current), ...changes };
    const secrets =
      patch.httpPass === undefined
        ? undefined
        : { ...(await this.webhooks.openSecrets(current)), httpPass: patch.httpPass };
    if (!(await this.webhooks.update(id, settings, secrets))) throw new WebhookNotFoundError();
    return this.get(id);
  }

  /** A new signing secret, returned this once; the old one stops signing at once. */
  async rotateSignature(id: string): Promise<{ webhook: WebhookRecord; signatureKey: string }> {
    const current = await this.get(id);
    const signatureKey = newSignatureKey();
    const { httpPass } = await this.webhooks.openSecrets(current);
    if (!(await this.webhooks.update(id, settingsOf(current), { signatureKey, httpPass })))
      throw new WebhookNotFoundError();
    return { webhook: await this.get(id), signatureKey };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.webhooks.delete(id))) throw new WebhookNotFoundError();
  }

  async listDeliveries(webhookId: string, limit: number, offset: number) {
    await this.get(webhookId);
    return this.deliveries.list(webhookId, limit, offset);
  }

  /** Delivers one event again, as a new round (attempts from zero). */
  async redeliver(webhookId: string, deliveryId: string): Promise<DeliveryRecord> {
    await this.get(webhookId);
    const existing = await this.deliveries.get(deliveryId);
    if (!existing || existing.webhookId !== webhookId) throw new WebhookDeliveryNotFoundError();
    const delivery = await this.deliveries.restart(deliveryId);
    await this.queues.deliver({
      deliveryId,
      webhookId,
      eventId: delivery.eventId,
      eventPosition: delivery.eventPosition,
      round: delivery.round,
    });
    return delivery;
  }

  /** Queues a replay of every matching event from `from` up to the last one written now. */
  async replay(webhookId: string, from: ReplayFrom): Promise<ReplayJobData> {
    await this.get(webhookId);
    const job: ReplayJobData = {
      webhookId,
      replayId: generateUniqueId(),
      after: 'position' in from ? from.position : 0,
      until: await this.events.lastPosition(),
      since: 'since' in from ? from.since.toISOString() : null,
    };
    await this.queues.replay(job);
    return job;
  }

  /**
   * Refuses a URL whose host is, or resolves to, an address that is not public (unless allowed). A name that
   * does not resolve now is accepted: every delivery checks the address it connects to anyway.
   */
  private async checkUrl(value: string): Promise<void> {
    if (this.config.WEBHOOK_ALLOW_PRIVATE_URLS) return;
    const url = new URL(value);
    const literal = hostAddress(url);
    if (literal) {
      if (!isPublicAddress(literal)) throw privateUrlError(literal);
      return;
    }
    const refused = await firstRefusedAddress(url.hostname);
    if (refused) throw privateUrlError(refused);
  }
}
