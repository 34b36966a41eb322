import { identitySearchTokens, IdentitySearchField } from './identity-search-tokens';

describe('identity search tokens', () => {
  it('indexes provider, provider UID and provider email, each under its own field', () => {
    const tokens = identitySearchTokens({
      provider: 'github',
      providerUid: 'Octo-Cat 42',
      providerEmail: 'octocat@github.com',
    });
    expect(tokens).toEqual(
      expect.arrayContaining([
        ['github', IdentitySearchField.PROVIDER],
        ['octo-cat', IdentitySearchField.PROVIDER_UID],
        ['cat', IdentitySearchField.PROVIDER_UID],
        ['42', IdentitySearchField.PROVIDER_UID],
        ['octocat@github.com', IdentitySearchField.PROVIDER_EMAIL],
        ['github.com', IdentitySearchField.PROVIDER_EMAIL],
      ]),
    );
  });

  it('gives an empty email no tokens and never repeats a (token, field) pair', () => {
    const tokens = identitySearchTokens({ provider: 'x', providerUid: 'a a a', providerEmail: '' });
    expect(tokens).toEqual([
      ['x', IdentitySearchField.PROVIDER],
      ['a', IdentitySearchField.PROVIDER_UID],
    ]);
  });

  it('bounds the rows of a 2048-character UID full of separators', () => {
    const tokens = identitySearchTokens({ provider: 'p', providerUid: 'a.'.repeat(1024), providerEmail: '' });
    expect(tokens.every(([token]) => token.length <= 64)).toBe(true);
    expect(tokens.length).toBeLessThanOrEqual(1025);
  });
});
