import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../../common';
import { AccountSession, AccountSessionResolver } from './account-session';
import { challengeIsRecent } from '../domain/recent-challenge.policy';
import { ChallengeRequiredError } from '../domain/session.errors';
import { INCOMPLETE_MFA_ALLOWED, RECENT_CHALLENGE_REQUIRED } from './account-principal';

/** Runs after the global AuthGuard (project check), for the account routes. */
@Injectable()
export class AccountSessionGuard implements CanActivate {
  constructor(
    private readonly resolver: AccountSessionResolver,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { accountSession?: AccountSession }>();
    const allowIncompleteMfa =
      this.reflector.get<boolean | undefined>(INCOMPLETE_MFA_ALLOWED, context.getHandler()) === true;
    request.accountSession = await this.resolver.resolve(request, { allowIncompleteMfa });
    // Credentials of no session (a personal access token, an impersonated user) never completed a challenge.
    if (
      this.reflector.get<boolean | undefined>(RECENT_CHALLENGE_REQUIRED, context.getHandler()) === true &&
      !challengeIsRecent(request.accountSession.session?.mfa_updated_at ?? null, new Date())
    )
      throw new ChallengeRequiredError();
    const ctx = RequestContext.current();
    if (ctx) {
      ctx.accountUserId = request.accountSession.user.id;
      ctx.impersonatorUserId = request.accountSession.impersonator?.id;
    }
    return true;
  }
}
