import { RequestContext } from './request-context';

describe('RequestContext.eventMetadata', () => {
  const base = { requestId: 'r1', ip: '203.0.113.9', userAgent: 'curl/8' };

  it('names the account user as actor, with the impersonator when the request impersonates', () => {
    const plain = RequestContext.run({ ...base, accountUserId: 'u1' }, () => RequestContext.eventMetadata());
    expect(plain.actor).toEqual({ type: 'user', id: 'u1' });
    const impersonated = RequestContext.run(
      { ...base, accountUserId: 'u1', impersonatorUserId: 'admin' },
      () => RequestContext.eventMetadata(),
    );
    expect(impersonated).toEqual({ ...base, actor: { type: 'user', id: 'u1', impersonatorId: 'admin' } });
  });

  it('names a key as actor whatever else the context holds, and the system outside any request', () => {
    const key = RequestContext.run(
      { ...base, principal: { type: 'key', id: 'k1', scopes: new Set() }, accountUserId: 'u1' },
      () => RequestContext.eventMetadata(),
    );
    expect(key.actor).toEqual({ type: 'key', id: 'k1' });
    expect(RequestContext.eventMetadata()).toEqual({ actor: { type: 'system', id: 'system' } });
  });
});
