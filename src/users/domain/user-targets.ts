import { createHash } from 'node:crypto';
import { email, phone } from '@libs/http/params';
import { InvalidEmailError, InvalidPhoneError } from './user.errors';
import type { TargetProviderType } from './events';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

/**
 * Id of the email or sms target that comes with the user's email or phone (Appwrite gives it a random id; here
 * it is derived, so the aggregate and the projection agree on it without carrying it in the event). The first
 * such target of a type gets the id this service always showed for it; one made while that id is still in
 * use (the target was re-pointed elsewhere) is told apart by the stream version of the event that made it.
 */
export function addressTargetId(
  userId: string,
  providerType: Exclude<TargetProviderType, 'push'>,
  version: number,
  taken: (id: string) => boolean,
): string {
  const id = digest(`${userId}\u0000${providerType}`);
  return taken(id) ? digest(`${userId}\u0000${providerType}\u0000${version}`) : id;
}

/**
 * The unique-constraint value of an identifier: emails compare case-insensitively, as users' emails do. An
 * erased identifier (its data key destroyed) decodes as null: it holds nothing any more.
 */
export function identifierKey(providerType: TargetProviderType, identifier: string | null): string {
  if (identifier === null) return '';
  return providerType === 'email' ? identifier.toLowerCase() : identifier;
}

/**
 * Appwrite checks an identifier against its target's type: an email (stored lower-cased here, as users'
 * emails are) or an E.164 phone; a push token is any text.
 */
export function targetIdentifier(providerType: TargetProviderType, identifier: string): string {
  if (providerType === 'email') {
    const parsed = email.parse(identifier);
    if (!parsed.ok) throw new InvalidEmailError();
    return parsed.value;
  }
  if (providerType === 'sms' && !phone.parse(identifier).ok) throw new InvalidPhoneError();
  return identifier;
}
