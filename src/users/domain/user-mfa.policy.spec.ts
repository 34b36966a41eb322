import { availableFactors, mfaSatisfied, requiredFactors } from './user-access.policy';

const plain = { mfa: false, emailVerification: false, phoneVerification: false, mfaTotp: false };

describe('users MFA policy', () => {
  it('asks one factor without MFA, or with MFA but no second factor', () => {
    expect(requiredFactors(plain)).toBe(1);
    expect(requiredFactors({ ...plain, mfaTotp: true })).toBe(1);
    expect(requiredFactors({ ...plain, mfa: true })).toBe(1);
  });

  it('asks two with MFA and a verified TOTP, email or phone', () => {
    expect(requiredFactors({ ...plain, mfa: true, mfaTotp: true })).toBe(2);
    expect(requiredFactors({ ...plain, mfa: true, emailVerification: true })).toBe(2);
    expect(requiredFactors({ ...plain, mfa: true, phoneVerification: true })).toBe(2);
  });

  it('counts distinct factors', () => {
    const user = { ...plain, mfa: true, mfaTotp: true };
    expect(mfaSatisfied(user, ['password'])).toBe(false);
    expect(mfaSatisfied(user, ['password', 'password'])).toBe(false);
    expect(mfaSatisfied(user, ['password', 'totp'])).toBe(true);
  });

  it('lists a verified email or phone only when there is one', () => {
    const user = { ...plain, emailVerification: true, email: null, phone: '+1555', phoneVerification: true };
    expect(availableFactors(user)).toEqual({ totp: false, email: false, phone: true });
  });
});
