import { createHash } from 'node:crypto';

/** Small deterministic PRNG (mulberry32): the same seed gives the same users on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = (
  'Olivia Liam Emma Noah Amelia Oliver Ava Elijah Sophia James Isabella William Mia Benjamin ' +
  'Charlotte Lucas Harper Henry Evelyn Alexander Maria Mateo Sofia Diego Camila Marcus Aisha Omar ' +
  'Fatima Yusuf Priya Arjun Ananya Rohan Mei Wei Hana Kenji Yuki Min-jun Seo-yeon Lars Ingrid Sven ' +
  'Freya Pierre Amélie Louis Chloé Hans Greta Lukas Lena Giulia Marco Luca Chiara Ada Grace Alan ' +
  'Margaret Dmitri Olga Kwame'
).split(' ');

const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez ' +
  'Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris ' +
  'Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill ' +
  'Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Schmidt ' +
  'Dubois Rossi Kowalski Novak Tanaka Suzuki Kim Park Patel Sharma Okafor Lovelace'
).split(' ');

/** Email domains with weights: a few big providers and a long tail. */
const DOMAINS: Array<[string, number]> = [
  ['gmail.com', 30],
  ['outlook.com', 14],
  ['yahoo.com', 10],
  ['icloud.com', 8],
  ['proton.me', 5],
  ['fastmail.com', 3],
  ['acme.io', 10],
  ['globex.com', 8],
  ['initech.dev', 7],
  ['example.org', 5],
];
const DOMAIN_WEIGHT = DOMAINS.reduce((sum, [, w]) => sum + w, 0);

const LABEL_SETS = [
  ['vip'],
  ['beta'],
  ['staff'],
  ['beta', 'newsletter'],
  ['newsletter'],
  ['vip', 'newsletter'],
];
const US_AREAS = ['212', '415', '646', '312', '617', '206'];

/**
 * What `GET /v1/users?search=` cycles through: first names, last-name prefixes of 3+ letters and email
 * domain words (a term is matched as a word prefix, so `gmail` finds every `…@gmail.com`), each with the
 * attribute it is about, for the `search` query method.
 */
export const SEARCH_TERMS: ReadonlyArray<{ term: string; attribute: 'name' | 'email' }> = [
  { term: 'olivia', attribute: 'name' },
  { term: 'kenji', attribute: 'name' },
  { term: 'mar', attribute: 'name' },
  { term: 'gon', attribute: 'name' },
  { term: 'nguy', attribute: 'name' },
  { term: 'gmail', attribute: 'email' },
  { term: 'proton', attribute: 'email' },
  { term: 'initech', attribute: 'email' },
];

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  labels: string[];
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

function pickDomain(random: () => number): string {
  let ticket = random() * DOMAIN_WEIGHT;
  for (const [domain, weight] of DOMAINS) {
    ticket -= weight;
    if (ticket < 0) return domain;
  }
  return DOMAINS[0][0];
}

/** Appwrite-looking 20-hex-char id, stable for a given index. */
export function seededUserId(index: number): string {
  return createHash('sha1').update(`bench-user-${index}`).digest('hex').slice(0, 20);
}

/** Lower-case ASCII form of a name for an email local part (`Amélie` → `amelie`, `Min-jun` → `minjun`). */
function asciiWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** User number `index` (0-based): deterministic, unique email and phone (both embed the index). */
export function fakeUser(index: number): FakeUser {
  const random = prng(Math.imul(index + 1, 2654435761));
  const first = pick(FIRST_NAMES, random);
  const last = pick(LAST_NAMES, random);
  const email = `${asciiWord(first)}.${asciiWord(last)}${index}@${pickDomain(random)}`;
  let phone: string | null = null;
  const phoneKind = random();
  const digits = (n: number) => String(index).padStart(n, '0');
  if (phoneKind < 0.35) phone = `+1${pick(US_AREAS, random)}${digits(7)}`;
  else if (phoneKind < 0.5) phone = `+447${digits(9)}`;
  else if (phoneKind < 0.6) phone = `+4915${digits(9)}`;
  const labels = random() < 0.12 ? pick(LABEL_SETS, random) : [];
  return { id: seededUserId(index), name: `${first} ${last}`, email, phone, labels };
}
