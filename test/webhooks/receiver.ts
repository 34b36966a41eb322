import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on loopback: records every request, and answers each path with the statuses queued for
 * it (then 200), or always with `always[path]`.
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly queued = new Map<string, number[]>();
  private readonly always = new Map<string, number>();
  private server!: Server;
  url = '';

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    receiver.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        receiver.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const status = receiver.queued.get(path)?.shift() ?? receiver.always.get(path) ?? 200;
        if (status === 302) res.setHeader('location', '/followed');
        res.statusCode = status;
        res.end(status >= 400 ? 'receiver says no' : 'ok');
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    return receiver;
  }

  answer(path: string, ...statuses: number[]): void {
    this.queued.set(path, statuses);
  }

  alwaysAnswer(path: string, status: number): void {
    this.always.set(path, status);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
