import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../common';
import type { SessionModel } from '../dtos/session.response.dto';
import { sessionCookieName } from './account-session';
import { toSessionModel } from './session.mapper';
import type { SessionRow } from './session.row';

/**
 * The answer to a session an end user just opened (email login, token exchange): the project's session cookie,
 * expiring with the session, and the Session model, whose secret only a caller with an API key sees.
 */
export function answerNewSession(
  projectId: string,
  row: SessionRow,
  secret: string,
  request: FastifyRequest & { principal?: Principal },
  reply: FastifyReply,
): SessionModel {
  const cookie = [
    `${sessionCookieName(projectId)}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${row.expire.toUTCString()}`,
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
  void reply.header('set-cookie', cookie);
  const withSecret = request.principal?.type === 'key';
  return toSessionModel(row, { secret: withSecret ? secret : '', current: true });
}
