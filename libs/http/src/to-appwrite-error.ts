import { HttpException } from '@nestjs/common';
import { AppwriteError } from './appwrite-error';
import { isFormatBelow } from './response-format';

export interface AppwriteErrorBody {
  status: number;
  type: string;
  message: string;
  /** true for failures the caller did not cause: log them with the request id. */
  unexpected: boolean;
}

/** Fastify's own request errors (body parsing, content type, size) by code. */
const FASTIFY_ERRORS: Record<string, { status: number; message: (e: Error) => string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    message: () => 'Unsupported content type: send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    message: () => 'Request body is larger than the server accepts.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    message: () => 'Request body size did not match Content-Length.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: () => 'Request body is empty but declared as JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: () => 'Request body is not valid JSON.' },
  FST_ERR_BAD_URL: { status: 400, message: () => 'The request URL is malformed.' },
  // Unreachable while the router's maxParamLength exceeds what Node's header limit lets through (see
  // fastifyOptions), so an over-long id meets its own validator; kept so a lower limit still answers here.
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    message: () => 'A path parameter is longer than the server accepts.',
  },
};

/**
 * Appwrite's catalogue (app/config/errors.php, 1.9.x) has no type for a request too large, too slow or
 * malformed at the protocol level (408, 413, 414, 415, 417, 431): Appwrite's own server would refuse these
 * before its router runs. They keep their real status, which tells a client what to change, with
 * `general_argument_invalid`, the catalogue's type for "the request you sent is wrong".
 */
const HTTP_TYPES: Record<number, string> = {
  400: 'general_argument_invalid',
  401: 'general_unauthorized_scope',
  403: 'general_access_forbidden',
  404: 'general_route_not_found',
  405: 'general_route_not_found',
  408: 'general_argument_invalid',
  413: 'general_argument_invalid',
  414: 'general_argument_invalid',
  415: 'general_argument_invalid',
  417: 'general_argument_invalid',
  429: 'general_rate_limit_exceeded',
  431: 'general_argument_invalid',
};

/** The Appwrite type written for a bare HTTP status; `general_unknown` for the server's own failures. */
export function appwriteTypeForStatus(status: number): string {
  return HTTP_TYPES[status] ?? (status < 500 ? 'general_argument_invalid' : 'general_unknown');
}

/**
 * Every error → Appwrite's error fields (for the request's `X-Appwrite-Response-Format`, when an error's status
 * changed between releases). Unknown failures become 500 `general_unknown` with the message
 * `Server Error`, so nothing internal leaks to the caller.
 */
export function toAppwriteError(exception: unknown, responseFormat?: unknown): AppwriteErrorBody {
  if (exception instanceof AppwriteError) {
    const { earlier } = exception;
    const status =
      earlier && isFormatBelow(responseFormat, earlier.below) ? earlier.status : exception.status;
    return { status, type: exception.type, message: exception.message, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) {
      return {
        status,
        type: 'general_route_not_found',
        message: 'The requested route was not found.',
        unexpected: false,
      };
    }
    if (status < 500 && HTTP_TYPES[status]) {
      return { status, type: HTTP_TYPES[status], message: exception.message, unexpected: false };
    }
  }
  const code =
    typeof exception === 'object' && exception !== null ? (exception as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && FASTIFY_ERRORS[code]) {
    const known = FASTIFY_ERRORS[code];
    return {
      status: known.status,
      type: appwriteTypeForStatus(known.status),
      message: known.message(exception as Error),
      unexpected: false,
    };
  }
  if (exception instanceof SyntaxError && (exception as { statusCode?: number }).statusCode === 400) {
    return {
      status: 400,
      type: 'general_argument_invalid',
      message: 'Request body is not valid JSON.',
      unexpected: false,
    };
  }
  return { status: 500, type: 'general_unknown', message: 'Server Error', unexpected: true };
}
