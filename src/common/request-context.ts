import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventMetadata } from '@libs/event-store';

export interface Principal {
  type: 'key' | 'guest';
  /** API key id, `bootstrap` for the key from the environment. */
  id: string;
  scopes: ReadonlySet<string>;
}

export interface RequestContextData {
  requestId: string;
  ip: string;
  userAgent: string;
  principal?: Principal;
  /** The user an account route acts for (set once its credential is checked): the actor of its events. */
  accountUserId?: string;
  /** The impersonator, when the account route acts as `accountUserId` through the impersonation headers. */
  impersonatorUserId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Who is calling, carried through async calls so the repository can stamp event metadata without every
 * command threading it through (the request-context idea of domain-driven-hexagon).
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  eventMetadata(): EventMetadata {
    const ctx = storage.getStore();
    if (!ctx) return { actor: { type: 'system', id: 'system' } };
    return {
      actor:
        ctx.principal?.type === 'key'
          ? { type: 'key', id: ctx.principal.id }
          : ctx.accountUserId !== undefined
            ? {
                type: 'user',
                id: ctx.accountUserId,
                ...(ctx.impersonatorUserId !== undefined ? { impersonatorId: ctx.impersonatorUserId } : {}),
              }
            : undefined,
      requestId: ctx.requestId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    };
  },
};
