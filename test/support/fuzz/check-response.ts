import type { RawResponse } from '../raw-http';
import type { FuzzRequest } from './hostile-requests';

const ERROR_KEYS = ['message', 'code', 'type', 'version'];

/** What is wrong with this answer, or undefined: no 5xx, and every non-2xx is exactly an Appwrite error. */
export function problemWith(request: FuzzRequest, response: RawResponse): string | undefined {
  if (response.status >= 500) return `server error ${response.status}`;
  if (!response.headers['x-request-id']) return 'no X-Request-Id header';
  if (response.status < 300 || request.method === 'HEAD') return undefined;
  const body = response.body as Record<string, unknown>;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'error body is not a JSON object';
  if (JSON.stringify(Object.keys(body)) !== JSON.stringify(ERROR_KEYS)) {
    return `error body keys are ${JSON.stringify(Object.keys(body))}`;
  }
  if (body.code !== response.status) return `code ${String(body.code)} is not the status ${response.status}`;
  if (typeof body.message !== 'string' || typeof body.type !== 'string' || typeof body.version !== 'string') {
    return 'message, type or version is not a string';
  }
  if (!/^application\/json/.test(response.headers['content-type'] ?? '')) {
    return `content type ${response.headers['content-type']}`;
  }
  return undefined;
}

/** The request as sent and the answer, short enough to read in a test report. */
export function describeFailure(
  seed: number,
  request: FuzzRequest,
  problem: string,
  response?: RawResponse,
): string {
  const sent = request.bytes.toString('latin1');
  const shown = sent.length > 1_500 ? `${sent.slice(0, 1_500)}… (${sent.length} bytes)` : sent;
  const answer = response ? `${response.status} ${response.text.slice(0, 500)}` : '(none)';
  return [
    `#${request.index} ${request.route} [${request.label}]: ${problem}`,
    `  replay: FUZZ_SEED=${seed} FUZZ_ONLY=${request.index} npx jest test/http/fuzz.e2e-spec.ts --selectProjects e2e`,
    `  request: ${JSON.stringify(shown)}`,
    `  answer: ${answer}`,
  ].join('\n');
}
