/** A webhook as stored (its secrets still sealed). */
export interface WebhookRecord {
  id: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  security: boolean;
  httpUser: string;
  /** Consecutive failed requests; reset by a success or by enabling the webhook again. */
  attempts: number;
  /** The last failure, and why the webhook was disabled when it was. */
  logs: string;
  sealedSecrets: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What is sealed: shown once (the signing secret), or never (the basic-auth password). */
export interface WebhookSecrets {
  signatureKey: string;
  httpPass: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  eventPosition: number;
  eventType: string;
  eventName: string;
  status: DeliveryStatus;
  /** 0 for the first delivery, +1 for each redelivery or replay (part of the job id). */
  round: number;
  attempts: number;
  responseStatusCode: number | null;
  durationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One delivery job: job id = `${webhookId}_${eventId}_${round}`. */
export interface DeliveryJobData {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventPosition: number;
  round: number;
}

/** One replay job: every event the webhook matches in positions (`after`, `until`], from `since` on. */
export interface ReplayJobData {
  webhookId: string;
  replayId: string;
  after: number;
  until: number;
  since: string | null;
}
