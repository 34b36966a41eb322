import { availableFactors } from '../domain/user-access.policy';
import type { MfaFactorsModel } from '../dtos/mfa.response.dto';
import type { UserView } from '../queries/user.view';

/** Appwrite's `MfaFactors` of a user. */
export function toMfaFactorsModel(user: UserView): MfaFactorsModel {
  const { totp, phone, email } = availableFactors(user);
  return { totp, phone, email, recoveryCode: user.mfaRecoveryCodes > 0 };
}
