import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorModel } from './error.response.dto';

const COMMON: Record<number, string> = {
  400: '`general_argument_invalid`: a parameter is missing or invalid',
  401: '`general_unauthorized_scope` (no key, or a key without the scope), `user_unauthorized` (unknown key), `project_key_expired`',
  404: '`project_not_found` (wrong X-Appwrite-Project)',
  500: '`general_unknown`: unexpected failure (logged with the request id)',
};

/** Documents the Appwrite error body for the statuses a route can answer, with the route's own types. */
export function ApiAppwriteErrors(specific: Record<number, string> = {}) {
  const statuses = new Set([...Object.keys(COMMON), ...Object.keys(specific)].map(Number));
  return applyDecorators(
    ...[...statuses].map((status) =>
      ApiResponse({
        status,
        type: ErrorModel,
        description: [specific[status], COMMON[status]].filter(Boolean).join('; '),
      }),
    ),
  );
}
