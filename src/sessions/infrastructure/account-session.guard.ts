import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../../common';
import { AccountSession, AccountSessionResolver } from './account-session';

/** Runs after the global AuthGuard (project check), for the account routes. */
@Injectable()
export class AccountSessionGuard implements CanActivate {
  constructor(private readonly resolver: AccountSessionResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { accountSession?: AccountSession }>();
    request.accountSession = await this.resolver.resolve(request);
    const ctx = RequestContext.current();
    if (ctx) {
      ctx.accountUserId = request.accountSession.user.id;
      ctx.impersonatorUserId = request.accountSession.impersonator?.id;
    }
    return true;
  }
}
