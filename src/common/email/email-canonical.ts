/**
 * Canonical form of an email address as Appwrite 1.9.5 computes it (utopia-php/emails, `Email::getCanonical`):
 * a provider known to ignore dots or to deliver sub-addresses to the same mailbox gets those removed and its
 * domain aliases folded into one; every other domain only has its local part lower-cased.
 */

type LocalRule = (local: string) => string;

interface Provider {
  domains: readonly string[];
  canonicalDomain: string;
  local: LocalRule;
}

/** `a+tag` → `a`; a leading `+` is kept, as Appwrite keeps it. */
const withoutPlus: LocalRule = (local) => {
  const at = local.indexOf('+');
  return at > 0 ? local.slice(0, at) : local;
};
const withoutDots: LocalRule = (local) => local.replaceAll('.', '');
/** Yahoo's disposable addresses: `name-keyword` → `name` (everything after the last hyphen goes). */
const withoutHyphenSuffix: LocalRule = (local) => {
  const parts = local.split('-');
  return parts.length > 1 ? parts.slice(0, -1).join('-') : parts[0];
};
const asIs: LocalRule = (local) => local;

// Appwrite's lists as they are, so they can be compared line by line.
const OUTLOOK_DOMAINS = [
  'outlook.com',
  'outlook.at',
  'outlook.be',
  'outlook.cl',
  'outlook.co.il',
  'outlook.co.nz',
  'outlook.co.th',
  'outlook.co.uk',
  'outlook.com.ar',
  'outlook.com.au',
  'outlook.com.br',
  'outlook.com.gr',
  'outlook.com.pe',
  'outlook.com.tr',
  'outlook.com.vn',
  'outlook.cz',
  'outlook.de',
  'outlook.dk',
  'outlook.es',
  'outlook.fr',
  'outlook.hu',
  'outlook.id',
  'outlook.ie',
  'outlook.in',
  'outlook.it',
  'outlook.jp',
  'outlook.kr',
  'outlook.lv',
  'outlook.my',
  'outlook.ph',
  'outlook.pt',
  'outlook.sa',
  'outlook.sg',
  'outlook.sk',
  'hotmail.com',
  'hotmail.at',
  'hotmail.be',
  'hotmail.ca',
  'hotmail.cl',
  'hotmail.co.il',
  'hotmail.co.nz',
  'hotmail.co.th',
  'hotmail.co.uk',
  'hotmail.com.ar',
  'hotmail.com.au',
  'hotmail.com.br',
  'hotmail.com.gr',
  'hotmail.com.mx',
  'hotmail.com.pe',
  'hotmail.com.tr',
  'hotmail.com.vn',
  'hotmail.cz',
  'hotmail.de',
  'hotmail.dk',
  'hotmail.es',
  'hotmail.fr',
  'hotmail.hu',
  'hotmail.id',
  'hotmail.ie',
  'hotmail.in',
  'hotmail.it',
  'hotmail.jp',
  'hotmail.kr',
  'hotmail.lv',
  'hotmail.my',
  'hotmail.ph',
  'hotmail.pt',
  'hotmail.sa',
  'hotmail.sg',
  'hotmail.sk',
  'live.com',
  'live.be',
  'live.co.uk',
  'live.com.ar',
  'live.com.mx',
  'live.de',
  'live.es',
  'live.eu',
  'live.fr',
  'live.it',
  'live.nl',
  'msn.com',
  'passport.com',
];

// Appwrite's provider list, in its order (the first provider that knows the domain decides).
const PROVIDERS: readonly Provider[] = [
  {
    domains: ['gmail.com', 'googlemail.com'],
    canonicalDomain: 'gmail.com',
    local: (l) => withoutDots(withoutPlus(l)),
  },
  {
    domains: OUTLOOK_DOMAINS,
    canonicalDomain: 'outlook.com',
    local: withoutPlus,
  },
  {
    domains: [
      'yahoo.com',
      'yahoo.co.uk',
      'yahoo.ca',
      'yahoo.de',
      'yahoo.fr',
      'yahoo.in',
      'yahoo.it',
      'ymail.com',
      'rocketmail.com',
    ],
    canonicalDomain: 'yahoo.com',
    local: withoutHyphenSuffix,
  },
  { domains: ['icloud.com', 'me.com', 'mac.com'], canonicalDomain: 'icloud.com', local: withoutPlus },
  { domains: ['protonmail.com', 'proton.me', 'pm.me'], canonicalDomain: 'protonmail.com', local: asIs },
  { domains: ['fastmail.com', 'fastmail.fm'], canonicalDomain: 'fastmail.com', local: asIs },
  { domains: ['walla.co.il', 'walla.com'], canonicalDomain: 'walla.co.il', local: asIs },
];

const BY_DOMAIN = new Map(PROVIDERS.flatMap((p) => p.domains.map((d) => [d, p] as const)));

/** An address split as Appwrite splits it: trimmed, lower-cased, exactly one `@`, both sides non-empty. */
export interface ParsedEmail {
  /** The address as Appwrite compares it with its canonical form. */
  address: string;
  local: string;
  domain: string;
}

export function parseEmail(email: string): ParsedEmail | undefined {
  const address = email.trim().toLowerCase();
  const parts = address.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { address, local: parts[0], domain: parts[1] };
}

/** The canonical address, or undefined when Appwrite's canonicaliser refuses it (nothing left of the local part). */
export function canonicalEmail(parsed: ParsedEmail): string | undefined {
  const provider = BY_DOMAIN.get(parsed.domain);
  if (!provider) return `${parsed.local}@${parsed.domain}`;
  const local = provider.local(parsed.local);
  return local ? `${local}@${provider.canonicalDomain}` : undefined;
}
