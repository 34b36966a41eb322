import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { safeEqual } from '@libs/passwords';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config';
import { Principal, RequestContext } from '../common';
import {
  KeyExpiredError,
  MissingScopeError,
  ProjectNotFoundError,
  UnauthorizedKeyError,
} from './domain/auth.errors';
import { SCOPES } from './domain/scopes';
import { ApiKeysRepository } from './infrastructure/api-keys.repository';
import { REQUIRED_SCOPES } from './require-scopes.decorator';

const GUEST: Principal = { type: 'guest', id: 'guest', scopes: new Set() };

/** Project check, then key, then scope: the order in which Appwrite answers (404, 401, 401). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly bootstrap: Principal;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.bootstrap = { type: 'key', id: 'bootstrap', scopes: new Set(SCOPES) };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<string[] | undefined>(REQUIRED_SCOPES, context.getHandler());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const query = request.query as Record<string, unknown> | undefined;
    const project = request.headers['x-appwrite-project'] ?? query?.project;
    if (project !== this.config.PROJECT_ID) throw new ProjectNotFoundError();

    const principal = await this.resolve(request.headers['x-appwrite-key']);
    // No scopes listed: a route for end users (login, account) that only needs the project; a key is optional.
    if (required.length > 0 && !required.some((scope) => principal.scopes.has(scope))) {
      throw new MissingScopeError(principal.type === 'guest' ? 'guests' : 'apps', required);
    }
    request.principal = principal;
    const ctx = RequestContext.current();
    if (ctx) ctx.principal = principal;
    return true;
  }

  private async resolve(header: string | string[] | undefined): Promise<Principal> {
    if (header === undefined || header === '') return GUEST;
    if (typeof header !== 'string') throw new UnauthorizedKeyError();
    if (this.config.API_KEY && safeEqual(header, this.config.API_KEY)) return this.bootstrap;
    const key = await this.keys.findBySecret(header);
    if (!key) throw new UnauthorizedKeyError();
    if (key.expire && key.expire.getTime() <= Date.now()) throw new KeyExpiredError();
    return { type: 'key', id: key.id, scopes: new Set(key.scopes) };
  }
}
