import { AccessTokenCreatedEvent } from '../access-tokens/domain/events';
import { IdentityCreatedEvent } from '../identities/domain/events';
import { SessionCreatedEvent } from '../sessions/domain/events';
import { UserNameChangedEvent, UserPasswordChangedEvent } from '../users/domain/events';
import { shownData } from './history-data';

const password = new UserPasswordChangedEvent({
  password: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  hash: 'argon2',
  hashOptions: { memoryCost: 19456 },
});

describe('what the history shows of an event', () => {
  it('shows password hashes only to a viewer with users.hashes.read', () => {
    expect(shownData(password, { showHashes: false })).toEqual({
      password: null,
      hash: 'argon2',
      hashOptions: null,
    });
    expect(shownData(password, { showHashes: true })).toEqual(password.data);
  });

  it("never shows a session secret's hash or a provider's tokens", () => {
    const session = new SessionCreatedEvent({
      sessionId: 's1',
      userId: 'u1',
      secretHash: 'ab'.repeat(32),
    } as never);
    expect(shownData(session, { showHashes: true })).toEqual({ sessionId: 's1', userId: 'u1' });
    const identity = new IdentityCreatedEvent({
      identityId: 'i1',
      userId: 'u1',
      providerAccessToken: 'gho_x',
      providerRefreshToken: 'ghr_x',
    } as never);
    expect(shownData(identity, { showHashes: true })).toEqual({
      identityId: 'i1',
      userId: 'u1',
      providerAccessToken: null,
      providerRefreshToken: null,
    });
  });

  it("never shows a personal access token's hash, even to a viewer with users.hashes.read", () => {
    const token = new AccessTokenCreatedEvent({
      tokenId: 'k1',
      userId: 'u1',
      userIncarnation: 3,
      description: 'CI',
      secretHash: 'cd'.repeat(32),
      expire: null,
    });
    expect(shownData(token, { showHashes: true })).toEqual({
      tokenId: 'k1',
      userId: 'u1',
      userIncarnation: 3,
      description: 'CI',
      expire: null,
    });
  });

  it('shows other payloads as stored, without sharing them', () => {
    const renamed = new UserNameChangedEvent({ name: 'Ada' });
    const shown = shownData(renamed, { showHashes: false });
    expect(shown).toEqual({ name: 'Ada' });
    expect(shown).not.toBe(renamed.data);
  });
});
