import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';
import { Receiver } from './receiver';

describe('webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await Receiver.start();
    t = await TestApp.start(
      {
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOK_RETRY_DELAY_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_MAX_FAILURES: '3',
      },
      { worker: true },
    );
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.stop();
  });

  async function createWebhook(path: string, events: string[], extra: Record<string, unknown> = {}) {
    const result = await t.request('POST', '/v1/webhooks', {
      body: { name: path, url: `${receiver.url}${path}`, events, ...extra },
    });
    expect(result.status).toBe(201);
    return result.body as { $id: string; signatureKey: string };
  }

  const deliveries = async (webhookId: string) =>
    (await t.request('GET', `/v1/webhooks/${webhookId}/deliveries`)).body.deliveries as any[];

  function verified(secret: string, request: { headers: Record<string, any>; body: string }) {
    return new Webhook(secret).verify(request.body, {
      'webhook-id': request.headers['webhook-id'],
      'webhook-timestamp': request.headers['webhook-timestamp'],
      'webhook-signature': request.headers['webhook-signature'],
    }) as any;
  }

  it('signs the event of a user change (Standard Webhooks) and sends no secret', async () => {
    const webhook = await createWebhook('/status', ['users.*.update.status']);
    const all = await createWebhook('/all', ['users.*']);
    expect(webhook.signatureKey).toMatch(/^whsec_/);
    const user = await t.createUser({ email: 'hooked@example.com', password: 'password123', name: 'Hook' });
    expect(
      (await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } })).status,
    ).toBe(200);

    const [request] = await t.eventually(
      async () => receiver.at('/status').length > 0 && receiver.at('/status'),
    );
    const payload = verified(webhook.signatureKey, request);
    expect(payload).toMatchObject({ type: 'user.status.changed', userId: user.$id, data: { status: false } });
    expect(payload.events).toEqual(
      expect.arrayContaining([`users.${user.$id}.update.status`, 'users.*.update.status', 'users.*']),
    );
    expect(request.headers['webhook-id']).toBe(payload.id);
    expect(request.headers['x-appwrite-webhook-events']).toContain('users.*.update.status');
    // A tampered body or another secret does not verify.
    expect(() => verified(all.signatureKey, request)).toThrow();
    expect(() =>
      verified(webhook.signatureKey, { ...request, body: request.body.replace('false', 'true') }),
    ).toThrow();

    const created = await t.eventually(async () =>
      receiver.at('/all').find((r) => JSON.parse(r.body).type === 'user.created'),
    );
    const createdPayload = verified(all.signatureKey, created);
    expect(createdPayload.data).toMatchObject({ email: 'hooked@example.com', name: 'Hook' });
    expect(createdPayload.data).not.toHaveProperty('password');
    expect(createdPayload.data).not.toHaveProperty('hashOptions');
    expect(created.body).not.toMatch(/\$argon2/);

    const [delivery] = await t.eventually(async () => {
      const list = await deliveries(webhook.$id);
      return list.length > 0 && list[0].status === 'delivered' && list;
    });
    expect(delivery).toMatchObject({
      webhookId: webhook.$id,
      eventType: 'user.status.changed',
      event: `users.${user.$id}.update.status`,
      attempts: 1,
      responseStatusCode: 200,
      lastError: null,
    });
    expect(delivery.duration).toEqual(expect.any(Number));
  });

  it('never shows the signing secret or the basic-auth password again', async () => {
    const webhook = await createWebhook('/quiet', ['users.*.delete'], {
      httpUser: 'hook',
      httpPass: 'pass-123',
    });
    const get = await t.request('GET', `/v1/webhooks/${webhook.$id}`);
    const list = await t.request('GET', '/v1/webhooks');
    for (const text of [get.text, list.text]) {
      expect(text).not.toContain(webhook.signatureKey);
      expect(text).not.toContain('pass-123');
    }
    expect(get.body).toMatchObject({
      signatureKey: '',
      httpPass: '',
      httpUser: 'hook',
      enabled: true,
      attempts: 0,
    });
    const [row] = (await t.db.query('SELECT * FROM webhooks WHERE id = ?', [webhook.$id]))[0] as any[];
    expect(JSON.stringify(row)).not.toContain(webhook.signatureKey.slice(6));
    expect(JSON.stringify(row)).not.toContain('pass-123');

    const rotated = await t.request('PATCH', `/v1/webhooks/${webhook.$id}/signature`);
    expect(rotated.body.signatureKey).toMatch(/^whsec_/);
    expect(rotated.body.signatureKey).not.toBe(webhook.signatureKey);
  });

  it('retries a delivery the receiver refused once, with the same webhook-id', async () => {
    receiver.answer('/flaky', 500);
    const webhook = await createWebhook('/flaky', ['users.*.update.name']);
    const user = await t.createUser({ email: 'flaky@example.com' });
    await t.request('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'Flaky' } });

    const [delivery] = await t.eventually(async () => {
      const list = await deliveries(webhook.$id);
      return list[0]?.status === 'delivered' && list;
    });
    expect(delivery).toMatchObject({ attempts: 2, responseStatusCode: 200 });
    const requests = receiver.at('/flaky');
    expect(requests).toHaveLength(2);
    expect(requests[1].headers['webhook-id']).toBe(requests[0].headers['webhook-id']);
    expect(verified(webhook.signatureKey, requests[1]).data).toEqual({ name: 'Flaky' });
    // The success reset the webhook's count of consecutive failures.
    expect((await t.request('GET', `/v1/webhooks/${webhook.$id}`)).body).toMatchObject({
      attempts: 0,
      enabled: true,
    });
  });

  it('redelivers one delivery and replays every matching event from a position', async () => {
    const webhook = await createWebhook('/replay', ['users.*.update.labels']);
    const user = await t.createUser({ email: 'replay@example.com' });
    for (const labels of [['a'], ['b']]) {
      await t.request('PUT', `/v1/users/${user.$id}/labels`, { body: { labels } });
    }
    const first = await t.eventually(async () => {
      const list = await deliveries(webhook.$id);
      return list.length === 2 && list.every((d) => d.status === 'delivered') && list;
    });
    expect(receiver.at('/replay')).toHaveLength(2);

    const again = await t.request('POST', `/v1/webhooks/${webhook.$id}/deliveries/${first[0].$id}`);
    expect(again.status).toBe(202);
    await t.eventually(async () => receiver.at('/replay').length === 3);
    expect(receiver.at('/replay')[2].headers['webhook-id']).toBe(first[0].eventId);

    const replay = await t.request('POST', `/v1/webhooks/${webhook.$id}/replay`, { body: { from: 0 } });
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ webhookId: webhook.$id, after: 0, until: expect.any(Number) });
    await t.eventually(async () => receiver.at('/replay').length === 5);
    const replayed = receiver
      .at('/replay')
      .slice(3)
      .map((r) => verified(webhook.signatureKey, r));
    expect(replayed.map((p) => p.data.labels)).toEqual([['a'], ['b']]);

    // From a time after both changes: nothing; from the time of the second: only the second (one replay
    // job at a time, in order, so anything the first had sent would be queued before it).
    const late = await t.request('POST', `/v1/webhooks/${webhook.$id}/replay`, {
      body: { from: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(late.status).toBe(202);
    const fromSecond = await t.request('POST', `/v1/webhooks/${webhook.$id}/replay`, {
      body: { from: replayed[1].timestamp },
    });
    expect(fromSecond.body.since).toBe(replayed[1].timestamp);
    await t.eventually(async () => receiver.at('/replay').length >= 6);
    const last = receiver
      .at('/replay')
      .slice(5)
      .map((r) => verified(webhook.signatureKey, r));
    expect(last.map((p) => p.data.labels)).toEqual([['b']]);
    expectAppwriteError(
      await t.request('POST', `/v1/webhooks/${webhook.$id}/replay`, { body: { from: 'yesterday' } }),
      400,
      'general_argument_invalid',
    );
  });

  it('disables a webhook after the configured consecutive failures, with the reason', async () => {
    receiver.alwaysAnswer('/down', 503);
    const webhook = await createWebhook('/down', ['users.*.update.email']);
    const user = await t.createUser({ email: 'down@example.com' });
    await t.request('PATCH', `/v1/users/${user.$id}/email`, { body: { email: 'down2@example.com' } });

    const disabled = await t.eventually(async () => {
      const result = await t.request('GET', `/v1/webhooks/${webhook.$id}`);
      return !result.body.enabled && result.body;
    });
    expect(disabled.logs).toMatch(/^Disabled after 3 consecutive failed deliveries; last: HTTP 503/);
    expect(disabled.attempts).toBe(3);
    const [delivery] = await t.eventually(async () => {
      const list = await deliveries(webhook.$id);
      return list[0]?.status === 'failed' && list;
    });
    expect(delivery).toMatchObject({ attempts: 3, responseStatusCode: 503 });
    expect(delivery.lastError).toMatch(/HTTP 503: receiver says no/);

    // Enabling it again starts afresh.
    const enabled = await t.request('PATCH', `/v1/webhooks/${webhook.$id}`, { body: { enabled: true } });
    expect(enabled.body).toMatchObject({ enabled: true, attempts: 0, logs: '' });
  });

  it('validates events and answers 404 for unknown webhooks and deliveries', async () => {
    expectAppwriteError(
      await t.request('POST', '/v1/webhooks', {
        body: { name: 'x', url: `${receiver.url}/x`, events: ['databases.*'] },
      }),
      400,
      'general_argument_invalid',
      /Invalid `events` param/,
    );
    expectAppwriteError(await t.request('GET', '/v1/webhooks/nope'), 404, 'webhook_not_found');
    const webhook = await createWebhook('/x', ['users.*']);
    expectAppwriteError(
      await t.request('POST', `/v1/webhooks/${webhook.$id}/deliveries/nope`),
      404,
      'webhook_delivery_not_found',
    );
    expect((await t.request('DELETE', `/v1/webhooks/${webhook.$id}`)).status).toBe(204);
    expectAppwriteError(await t.request('GET', `/v1/webhooks/${webhook.$id}`), 404, 'webhook_not_found');
  });
});

describe('webhooks without WEBHOOK_ALLOW_PRIVATE_URLS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function insertKey(scopes: string[]): Promise<string> {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), null, new Date()],
    );
    return secret;
  }

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://[::1]/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://2130706433/hook',
  ])('refuses %s at creation', async (url) => {
    expectAppwriteError(
      await t.request('POST', '/v1/webhooks', { body: { name: 'x', url, events: ['users.*'] } }),
      400,
      'general_argument_invalid',
      /loopback, private or link-local/,
    );
  });

  it('needs webhooks.read to read and webhooks.write to change', async () => {
    const usersOnly = await insertKey(['users.read', 'users.write']);
    const readOnly = await insertKey(['webhooks.read']);
    expectAppwriteError(
      await t.request('GET', '/v1/webhooks', { key: usersOnly }),
      401,
      'general_unauthorized_scope',
      /webhooks\.read/,
    );
    expect((await t.request('GET', '/v1/webhooks', { key: readOnly })).status).toBe(200);
    expectAppwriteError(
      await t.request('POST', '/v1/webhooks', {
        key: readOnly,
        body: { name: 'x', url: 'https://example.com/x', events: ['users.*'] },
      }),
      401,
      'general_unauthorized_scope',
      /webhooks\.write/,
    );
  });
});
