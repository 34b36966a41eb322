import type { RecordedEvent, StoredEvent } from '@libs/event-store';
import { EventStore } from '@libs/event-store';
import type { RowDataPacket } from 'mysql2/promise';
import { EVENT_STORE } from '../../src/database/database.tokens';
import { EVENT_DECODER, AppEventDecoder } from '../../src/database';
import { TestApp } from './test-app';

/** A user's personal data and secrets as the API gave them back, each of which must never sit in the log in clear. */
export interface PersonalHistory {
  userId: string;
  email: string;
  name: string;
  phone: string;
  /** Every password hash the user ever had, the current one last. */
  hashes: string[];
  /** Everything above plus the identity's uid, email and tokens, and older names, emails and phones. */
  secrets: string[];
}

async function currentHash(t: TestApp, userId: string): Promise<string> {
  const res = await t.request('GET', `/v1/users/${userId}`);
  if (res.status !== 200 || typeof res.body.password !== 'string') {
    throw new Error(`GET user: ${res.status} ${res.text}`);
  }
  return res.body.password;
}

async function ok(t: TestApp, method: string, path: string, body: Record<string, unknown>, status = 200) {
  const res = await t.request(method, path, { body });
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * Through the API: a user created with email, name, phone and password, its password changed twice, a login
 * (a session made with email and password) and a linked identity. With `changes`, also a new name, email, phone
 * and prefs, so every kind of user event with personal fields is in the log.
 */
export async function seedPersonalHistory(
  t: TestApp,
  tag: string,
  phoneDigits: string,
  options: { changes?: boolean } = {},
): Promise<PersonalHistory> {
  const first = {
    email: `${tag}@example.com`,
    name: `Ada Lovelace ${tag}`,
    phone: `+1555${phoneDigits}`,
  };
  const user = await t.createUser({ ...first, password: `first password of ${tag}` });
  const secrets: string[] = [first.email, first.name, first.phone];
  const hashes = [await currentHash(t, user.$id)];
  for (const password of [`second password of ${tag}`, `third password of ${tag}`]) {
    await ok(t, 'PATCH', `/v1/users/${user.$id}/password`, { password });
    hashes.push(await currentHash(t, user.$id));
  }
  let current = first;
  if (options.changes) {
    current = { email: `${tag}.new@example.com`, name: `Ada King ${tag}`, phone: `+1666${phoneDigits}` };
    await ok(t, 'PATCH', `/v1/users/${user.$id}/name`, { name: current.name });
    await ok(t, 'PATCH', `/v1/users/${user.$id}/email`, { email: current.email });
    await ok(t, 'PATCH', `/v1/users/${user.$id}/phone`, { number: current.phone });
    await ok(t, 'PATCH', `/v1/users/${user.$id}/prefs`, { prefs: { secretPref: `pref-of-${tag}` } });
    secrets.push(current.email, current.name, current.phone, `pref-of-${tag}`);
  }
  await ok(
    t,
    'POST',
    '/v1/account/sessions/email',
    { email: current.email, password: `third password of ${tag}` },
    201,
  );
  const identity = {
    provider: 'github',
    providerUid: `gh-uid-${tag}`,
    providerEmail: `${tag}@github.example`,
    providerAccessToken: `access-token-${tag}`,
    providerRefreshToken: `refresh-token-${tag}`,
  };
  await ok(t, 'POST', `/v1/users/${user.$id}/identities`, identity, 201);
  secrets.push(
    identity.providerUid,
    identity.providerEmail,
    identity.providerAccessToken,
    identity.providerRefreshToken,
  );
  secrets.push(...hashes);
  return { userId: user.$id, ...current, hashes, secrets };
}

/** Every row of `events`, data and metadata as stored text. */
export async function storedEventText(t: TestApp): Promise<string[]> {
  const [rows] = await t.db.query<RowDataPacket[]>(
    'SELECT CONCAT(data, metadata) AS text FROM events ORDER BY position',
  );
  return rows.map((row) => String(row.text));
}

/** The secrets that some row of `events` holds in clear (none, when the log is sealed). */
export async function secretsInClear(t: TestApp, secrets: readonly string[]): Promise<string[]> {
  const rows = await storedEventText(t);
  return secrets.filter((secret) => rows.some((row) => row.includes(secret)));
}

/** Every stored event, and every one decoded through the application's one decode path. */
export async function decodeAll(t: TestApp): Promise<{ stored: StoredEvent[]; decoded: RecordedEvent[] }> {
  const stored = await t.app.get<EventStore>(EVENT_STORE).readAll(0, 1_000_000);
  const decoded = await t.app.get<AppEventDecoder>(EVENT_DECODER).decodeAll(stored);
  return { stored, decoded };
}

/** Whether a decoded event is about the user: its own stream, or a session or identity of it. */
export function isAbout(userId: string, recorded: RecordedEvent): boolean {
  const data = recorded.event.data as Record<string, unknown>;
  return recorded.streamType === 'user' ? recorded.streamId === userId : data.userId === userId;
}
