import { AppwriteError, ArgumentInvalidError } from '@libs/http';

export class WebhookNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'webhook_not_found', 'Webhook with the requested ID could not be found.');
  }
}

export class WebhookAlreadyExistsError extends AppwriteError {
  constructor() {
    super(409, 'webhook_already_exists', 'A webhook with the requested ID already exists.');
  }
}

export class WebhookDeliveryNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'webhook_delivery_not_found', 'Webhook delivery with the requested ID could not be found.');
  }
}

/** 400: the URL's host is, or resolves to, an address a webhook may not reach. */
export function privateUrlError(address: string): ArgumentInvalidError {
  return ArgumentInvalidError.invalid(
    'url',
    `URL resolves to ${address}, a loopback, private or link-local address (set WEBHOOK_ALLOW_PRIVATE_URLS=true to allow it)`,
  );
}
