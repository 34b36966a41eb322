import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../request-context';

export interface CallerView {
  showHashes: boolean;
  responseFormat: unknown;
}

/** What the caller may see and in which model version, from its key's scopes and its SDK's format header. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CallerView => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  return {
    showHashes: request.principal?.scopes.has('users.hashes.read') ?? false,
    responseFormat: request.headers['x-appwrite-response-format'],
  };
});
