import { ApiResponse, DECORATORS } from '@nestjs/swagger';
import { APPWRITE_COMPAT_VERSION, AppwriteError, AppwriteErrorBody, toAppwriteError } from '@libs/http';
import { ErrorModel } from './error.response.dto';

type ErrorClass = new () => AppwriteError;

/** An error with the circumstance in which the route answers it, shown as the example's summary. */
export interface ErrorCase {
  error: AppwriteError | ErrorClass;
  when: string;
}

/**
 * An error a route answers: the class its code throws (when it takes no argument), an instance (when the
 * message needs one), or either with a `when`. The status, type and message all come from the error itself.
 */
export type DocumentedError = AppwriteError | ErrorClass | ErrorCase;

export function when(error: AppwriteError | ErrorClass, circumstance: string): ErrorCase {
  return { error, when: circumstance };
}

/**
 * The error the route's own check throws for a sample input, so the example is worded by the code that
 * answers it. Empty if the check no longer throws (the OpenAPI test then misses the example).
 */
export function thrownBy(check: () => unknown, circumstance: string): ErrorCase[] {
  try {
    check();
  } catch (error) {
    if (error instanceof AppwriteError) return [when(error, circumstance)];
  }
  return [];
}

interface Example extends AppwriteErrorBody {
  when?: string;
}

/** Kept on the handler so that each decorator adds to what the others documented, in any order. */
const DOCUMENTED_ERRORS = 'identity:documented-errors';

/** What the filter answers for any failure nobody anticipated: every route can answer it. */
const UNEXPECTED: Example = {
  ...toAppwriteError(new Error('unexpected')),
  when: 'An unexpected failure, logged with the request id',
};

function toExample(documented: DocumentedError): Example {
  const { error, when: circumstance } =
    documented instanceof AppwriteError || typeof documented === 'function'
      ? { error: documented, when: undefined }
      : documented;
  // Through the filter's own mapping, so the example is the body the route really sends.
  const body = toAppwriteError(typeof error === 'function' ? new error() : error);
  return { ...body, when: circumstance };
}

function wireBody(example: Example) {
  return {
    message: example.message,
    code: example.status,
    type: example.type,
    version: APPWRITE_COMPAT_VERSION,
  };
}

function responseFor(status: number, examples: Example[]) {
  const named: Record<string, { summary: string; value: ReturnType<typeof wireBody> }> = {};
  for (const example of examples) {
    let name = example.type;
    for (let n = 2; named[name]; n++) name = `${example.type} (${n})`;
    named[name] = {
      // Summaries are plain text in Swagger UI's example picker.
      summary: example.when ? `${example.type}: ${example.when.replaceAll('`', '')}` : example.type,
      value: wireBody(example),
    };
  }
  const cases = [...new Set(examples.map((e) => `- \`${e.type}\`: ${e.when ?? e.message}`))];
  return ApiResponse({ status, type: ErrorModel, description: cases.join('\n'), examples: named });
}

/**
 * Documents the Appwrite errors a route answers, one named OpenAPI example per error under its own status,
 * plus 500 `general_unknown`. Auth and session decorators call it too; the examples accumulate.
 */
export function ApiAppwriteErrors(...errors: DocumentedError[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const examples: Example[] = [...(Reflect.getMetadata(DOCUMENTED_ERRORS, handler) ?? [UNEXPECTED])];
    for (const example of errors.map(toExample)) {
      if (!examples.some((e) => e.type === example.type && e.message === example.message)) {
        examples.push(example);
      }
    }
    Reflect.defineMetadata(DOCUMENTED_ERRORS, examples, handler);

    const statuses = [...new Set(examples.map((e) => e.status))].sort((a, b) => a - b);
    // ApiResponse merges into an existing entry (concatenating descriptions): start each status afresh.
    const responses = { ...(Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) };
    for (const status of statuses) delete responses[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, handler);
    for (const status of statuses) {
      responseFor(
        status,
        examples.filter((e) => e.status === status),
      )(target, key, descriptor);
    }
    return descriptor;
  };
}
