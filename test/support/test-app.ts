import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPool, Pool } from 'mysql2/promise';
import { AppConfig, loadConfig } from '../../src/config/config';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { createHttpApp } from '../../src/http/create-http-app';
import { WorkerModule } from '../../src/worker.module';
import { freshDatabaseUrl } from './database';
import { TEST_DATA_KEY } from './processes';
import { deleteRedisKeys, freshQueuePrefix, testRedisUrl } from './redis-keys';

export const PROJECT = 'test-project';
export const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789abcdef';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text, sent as is (with `contentType`). */
  raw?: string;
  contentType?: string;
  key?: string | null;
  project?: string | null;
  headers?: Record<string, string>;
}

/**
 * The real application on a random port with its own fresh database, spoken to over HTTP with fetch.
 * Redis is the local one; nothing is mocked.
 */
export class TestApp {
  private worker?: INestApplicationContext;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
    readonly config: AppConfig,
    readonly db: Pool,
  ) {}

  /** With `{ worker: true }` the relay and the queue processors run too, in this process (as `ROLE=all`). */
  static async start(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<TestApp> {
    const config = loadConfig({
      DATABASE_URL: freshDatabaseUrl(),
      API_KEY: BOOTSTRAP_KEY,
      DATA_KEY: TEST_DATA_KEY,
      PROJECT_ID: PROJECT,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: freshQueuePrefix(),
      REDIS_URL: testRedisUrl(),
      ...env,
    });
    const app = await createHttpApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const db = createPool(poolOptionsFromUrl(config.DATABASE_URL, 4));
    const testApp = new TestApp(app, `http://127.0.0.1:${address.port}`, config, db);
    if (options.worker) await testApp.startWorker();
    return testApp;
  }

  async startWorker(): Promise<void> {
    this.worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.config), {
      logger: false,
    });
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  /** Stops the app and deletes its Redis keys (queues, login limits), so runs leave nothing behind. */
  async stop(): Promise<void> {
    await this.stopWorker();
    await this.db.end();
    await this.app.close();
    await deleteRedisKeys(this.config.QUEUE_PREFIX, this.config.REDIS_URL);
  }

  /** Polls until `check` returns a truthy value (bounded), for effects that happen in workers; `what` names it. */
  async eventually<T>(
    check: () => Promise<T | undefined | false>,
    timeoutMs = 20_000,
    what = 'condition',
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.project !== null) headers['x-appwrite-project'] = options.project ?? PROJECT;
    if (options.key !== null) headers['x-appwrite-key'] = options.key ?? BOOTSTRAP_KEY;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  /** Creates a user through the API and returns its model. */
  async createUser(body: Record<string, unknown>): Promise<any> {
    const result = await this.request('POST', '/v1/users', { body: { userId: 'unique()', ...body } });
    if (result.status !== 201) throw new Error(`createUser: ${result.status} ${result.text}`);
    return result.body;
  }
}

/** Asserts an Appwrite error body. */
export function expectAppwriteError(
  result: Pick<HttpResult, 'status' | 'body'>,
  status: number,
  type: string,
  message?: string | RegExp,
) {
  expect({ status: result.status, type: result.body?.type }).toEqual({ status, type });
  expect(Object.keys(result.body)).toEqual(['message', 'code', 'type', 'version']);
  expect(result.body.code).toBe(status);
  if (message !== undefined) expect(result.body.message).toMatch(message);
}
