import { ArgumentInvalidError } from '@libs/http';
import { CreateIdentityRequest, isoDateTimeOrEmpty, providerName } from './create-identity.request.dto';

describe('create identity params', () => {
  it('defaults everything but provider and providerUid', () => {
    expect(CreateIdentityRequest.parse({ provider: 'github', providerUid: '42' })).toEqual({
      identityId: 'unique()',
      provider: 'github',
      providerUid: '42',
      providerEmail: '',
      providerAccessToken: '',
      providerAccessTokenExpiry: null,
      providerRefreshToken: '',
    });
  });

  it.each([
    [{ providerUid: '42' }, 'Param "provider" is not optional.'],
    [{ provider: 'github' }, 'Param "providerUid" is not optional.'],
    [{ provider: 'git hub', providerUid: '42' }, /^Invalid `provider` param/],
    [{ provider: 'github', providerUid: '' }, /^Invalid `providerUid` param/],
    [{ provider: 'github', providerUid: 'x'.repeat(2049) }, /^Invalid `providerUid` param/],
    [{ provider: 'github', providerUid: '1', providerEmail: 'nope' }, /^Invalid `providerEmail` param/],
    [{ provider: 'github', providerUid: '1', identityId: '_x' }, /^Invalid `identityId` param/],
    [{ provider: 'github', providerUid: '1', providerAccessToken: 'x'.repeat(16385) }, /providerAccessToken/],
  ])('refuses %j', (body, message) => {
    expect(() => CreateIdentityRequest.parse(body)).toThrow(ArgumentInvalidError);
    expect(() => CreateIdentityRequest.parse(body)).toThrow(message);
  });

  it.each(['github', 'paypalSandbox', 'my-oidc.v2_1', 'x'.repeat(128)])('accepts the provider %s', (name) => {
    expect(providerName.parse(name)).toEqual({ ok: true, value: name });
  });

  it.each(['', '-x', 'a\u0000b', 'x'.repeat(129), 42, null])('refuses the provider %j', (name) => {
    expect(providerName.parse(name).ok).toBe(false);
  });

  it.each([
    ['2030-01-01T00:00:00.000+00:00', '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T02:30:00+02:30', '2030-01-01T00:00:00.000Z'],
    ['2030-06-15T12:00Z', '2030-06-15T12:00:00.000Z'],
    ['2030-06-15 12:00:00.123456', '2030-06-15T12:00:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['', null],
  ])('reads the expiry %s', (input, expected) => {
    expect(isoDateTimeOrEmpty.parse(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'tomorrow',
    '2030-02-30T00:00:00Z',
    '2030-01-01T24:00:00Z',
    '2030-01-01',
    '0999-12-31T23:59:59Z',
    '9999-12-31T23:00:00-02:00',
    '2030-01-01T00:00:00+15:00',
    1893456000,
  ])('refuses the expiry %j', (input) => {
    expect(isoDateTimeOrEmpty.parse(input).ok).toBe(false);
  });
});
