import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedLookup, RefusedAddressError } from '../../src/webhooks/infrastructure/address-guard';
import { RESPONSE_READ_LIMIT, sendWebhook } from '../../src/webhooks/infrastructure/webhook-sender';
import { Receiver } from './receiver';

/** The outbound side against real loopback sockets: what a delivery may reach, and what it reads back. */
describe('webhook requests', () => {
  let receiver: Receiver;
  const send = (url: string, allowPrivate: boolean, timeoutMs = 5000) =>
    sendWebhook({ url, headers: {}, body: '{}', timeoutMs, verifyTls: true, allowPrivate });

  beforeAll(async () => {
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it('connects to a loopback receiver only when private URLs are allowed (IP literal or name)', async () => {
    const port = new URL(receiver.url).port;
    const allowed = await send(`${receiver.url}/allowed`, true);
    expect({ status: allowed.status, error: allowed.error }).toEqual({ status: 200, error: undefined });
    for (const url of [`http://127.0.0.1:${port}/refused`, `http://localhost:${port}/refused`]) {
      const result = await send(url, false);
      expect(result.status).toBeUndefined();
      expect(result.error).toMatch(/refused to connect to (127\.0\.0\.1|::1)/);
    }
    expect(receiver.at('/refused')).toHaveLength(0);
    expect(receiver.at('/allowed')).toHaveLength(1);
  });

  it('resolves names to checked addresses only (the socket connects to what was checked)', async () => {
    const lookup = guardedLookup(false);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error).toBeInstanceOf(RefusedAddressError);
    const allowed = await new Promise<string>((resolve, reject) =>
      guardedLookup(true)('localhost', {}, (e, address) => (e ? reject(e) : resolve(address as string))),
    );
    expect(['127.0.0.1', '::1']).toContain(allowed);
  });

  it('does not follow redirects', async () => {
    receiver.answer('/moved', 302);
    const result = await send(`${receiver.url}/moved`, true);
    expect(result).toMatchObject({ status: 302, error: expect.stringMatching(/^HTTP 302/) });
    expect(receiver.at('/followed')).toHaveLength(0);
  });

  describe('against a receiver that misbehaves', () => {
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/slow') return; // never answers
        res.writeHead(500);
        // Far more than is read: the sender stops at its limit.
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const write = () => {
          while (res.write(chunk)) if (res.writableLength > 10 * RESPONSE_READ_LIMIT) break;
        };
        write();
        res.on('drain', write);
        req.on('close', () => res.destroy());
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('gives up after the timeout', async () => {
      const result = await send(`${url}/slow`, true, 300);
      expect(result.error).toBe('no answer within 300 ms');
    });

    it('reads at most the limit of an endless answer', async () => {
      // An answer that never ends: without the limit this would wait for the timeout instead.
      const result = await send(`${url}/endless`, true);
      expect(result.status).toBe(500);
      expect(result.error).toMatch(/^HTTP 500: x+$/);
      expect(result.error!.length).toBeLessThan(600);
    });
  });
});
