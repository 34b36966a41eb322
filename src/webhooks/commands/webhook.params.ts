import {
  customId,
  fail,
  looseBoolean,
  ok,
  ParamValidator,
  text,
  UNIQUE_ID_PLACEHOLDER,
} from '@libs/http/params';
import { isSubscribableEvent } from '../domain/webhook-event-names';
import { parseWebhookUrl } from '../domain/webhook-url.policy';

const MAX_EVENTS = 100;

/** Appwrite event names and wildcards a user, session or identity event answers to. */
export const webhookEvents: ParamValidator<string[]> = {
  description: `Value must be an array of 1 to ${MAX_EVENTS} user, session or identity event names, e.g. \`users.*\`, \`users.*.update.status\`, \`users.*.sessions.*.delete\``,
  schema: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_EVENTS },
  parse(value) {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_EVENTS) return fail();
    if (!value.every((v): v is string => typeof v === 'string' && isSubscribableEvent(v))) return fail();
    return ok([...new Set(value)]);
  },
};

export const webhookUrl: ParamValidator<string> = {
  description: 'Value must be a valid URL with http or https scheme',
  schema: { type: 'string', format: 'uri', maxLength: 2048 },
  parse: (value) => (typeof value === 'string' && parseWebhookUrl(value) ? ok(value) : fail()),
};

export interface WebhookBody {
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  security: boolean;
  httpUser: string;
  httpPass: string;
}

const NAME = text(128);
const HTTP_USER = text(256, 0);

/** The fields of create (with defaults) and of update (all optional: absent keeps the stored value). */
export function webhookFields(create: boolean) {
  const opt = <T>(value: T) => (create ? { default: value } : {});
  return {
    name: { validator: NAME, required: create, example: 'CRM sync' },
    url: {
      validator: webhookUrl,
      required: create,
      example: 'https://example.com/hooks/identity',
      description: 'Where deliveries are POSTed (redirects are not followed)',
    },
    events: {
      validator: webhookEvents,
      required: create,
      example: ['users.*.create', 'users.*.update.status'],
      description: 'Appwrite event names, with `*` for any id',
    },
    enabled: { validator: looseBoolean, ...opt(true), example: true },
    security: {
      validator: looseBoolean,
      ...opt(true),
      example: true,
      description: "Verify the receiver's TLS certificate",
    },
    httpUser: { validator: HTTP_USER, ...opt(''), description: 'HTTP basic authentication user' },
    httpPass: {
      validator: HTTP_USER,
      ...opt(''),
      description: 'HTTP basic authentication password (stored sealed, never shown)',
    },
  };
}

export const webhookIdField = {
  validator: customId,
  default: UNIQUE_ID_PLACEHOLDER,
  example: UNIQUE_ID_PLACEHOLDER,
  description: 'Custom id, or `unique()` (the default) for a generated one',
};
