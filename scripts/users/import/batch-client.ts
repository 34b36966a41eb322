import type { ItemError } from './lines';

export interface BatchItemResult {
  index: number;
  status: number;
  userId?: string;
  error?: ItemError;
  /** With a 409: the key already held (`id`: the item was sent before). */
  conflict?: 'id' | 'email' | 'phone';
}

/** The run cannot go on (service unreachable, key refused, answer not understood): exit 2. */
export class FatalError extends Error {}

const RETRIES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `POST {endpoint}/users/batch`, retried on a lost connection or a 5xx (the route is safe to retry). */
export class BatchClient {
  constructor(
    private readonly endpoint: string,
    private readonly project: string,
    private readonly key: string,
  ) {}

  async send(body: string, count: number): Promise<BatchItemResult[]> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.endpoint}/users/batch`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-appwrite-project': this.project,
            'x-appwrite-key': this.key,
          },
          body,
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        if (attempt < RETRIES) {
          await sleep(500 * attempt);
          continue;
        }
        throw new FatalError(
          `cannot reach ${this.endpoint}: ${cause?.code ?? cause?.message ?? String(error)}`,
        );
      }
      const text = await response.text();
      if (response.status >= 500 && attempt < RETRIES) {
        await sleep(500 * attempt);
        continue;
      }
      if (response.status !== 200) {
        let message = text.slice(0, 300);
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? message;
        } catch {
          // Not an Appwrite error body: the text itself says what went wrong.
        }
        throw new FatalError(`the service answered ${response.status}: ${message}`);
      }
      const results = (JSON.parse(text) as { results?: BatchItemResult[] }).results;
      if (!Array.isArray(results) || results.length !== count)
        throw new FatalError(`the service answered ${results?.length ?? 'no'} results for ${count} users`);
      return results;
    }
  }
}
