import { EventDecoder, SEALED, sealData } from './decoder';
import { EventRegistry } from './registry';
import type { EventCipher, StoredEvent } from './types';

class PersonNamed {
  static readonly type = 'person.named';
  static readonly schemaVersion = 2;
  static readonly sealed = ['name', 'email'] as const;
  readonly type = PersonNamed.type;
  constructor(readonly data: { name: string | null; email: string | null; nickname: string }) {}
}

/** Keys per subject in a map; "destroying" one is deleting it. Tokens are `subject:json`. */
class FakeCipher implements EventCipher<'tx'> {
  readonly keys = new Set<string>();
  async seal(tx: 'tx', subject: string, fields: Record<string, unknown>) {
    expect(tx).toBe('tx');
    this.keys.add(subject);
    return `${subject}:${JSON.stringify(fields)}`;
  }
  async open(token: string) {
    const [subject, ...json] = token.split(':');
    return this.keys.has(subject) ? (JSON.parse(json.join(':')) as Record<string, unknown>) : undefined;
  }
}

const registry = new EventRegistry<PersonNamed>(({ streamId }) => streamId).register(PersonNamed, {
  // v1 had no nickname.
  1: (d) => ({ ...d, nickname: '' }),
});

function stored(data: Record<string, unknown>, schemaVersion = 2): StoredEvent {
  return {
    position: 3,
    id: 'e3',
    streamType: 'person',
    streamId: 'p1',
    version: 1,
    type: 'person.named',
    schemaVersion,
    data,
    metadata: { requestId: 'r1' },
    occurredAt: new Date('2026-01-01T00:00:00Z'),
  };
}

describe('sealing and the decode path', () => {
  it('asks to seal the declared fields with the subject the registry names', () => {
    const event = new PersonNamed({ name: 'Ada', email: 'ada@example.com', nickname: 'A' });
    expect(registry.toNew(event, 'p1').seal).toEqual({ subject: 'p1', fields: ['name', 'email'] });
  });

  it('writes sealed fields as one token, never in clear, and decodes them back with the envelope', async () => {
    const cipher = new FakeCipher();
    const row = await sealData(
      'tx',
      cipher,
      { name: 'Ada', email: 'ada@example.com', nickname: 'A' },
      {
        subject: 'p1',
        fields: ['name', 'email'],
      },
    );
    expect(row).toEqual({ nickname: 'A', [SEALED]: expect.any(String) });
    const recorded = await new EventDecoder(registry, cipher).decode(stored(row));
    expect(recorded.event).toBeInstanceOf(PersonNamed);
    expect(recorded.event.data).toEqual({ name: 'Ada', email: 'ada@example.com', nickname: 'A' });
    expect(recorded).toMatchObject({
      position: 3,
      streamId: 'p1',
      metadata: { requestId: 'r1' },
      erased: [],
    });
  });

  it('upcasts after opening, so upcasters see the whole payload', async () => {
    const cipher = new FakeCipher();
    const row = await sealData(
      'tx',
      cipher,
      { name: 'Ada', email: null },
      { subject: 'p1', fields: ['name', 'email'] },
    );
    const recorded = await new EventDecoder(registry, cipher).decode(stored(row, 1));
    expect(recorded.event.data).toEqual({ name: 'Ada', email: null, nickname: '' });
  });

  it('decodes an event whose key was destroyed with its sealed fields erased, the rest intact', async () => {
    const cipher = new FakeCipher();
    const row = await sealData(
      'tx',
      cipher,
      { name: 'Ada', email: 'a@b.co', nickname: 'A' },
      {
        subject: 'p1',
        fields: ['name', 'email'],
      },
    );
    cipher.keys.delete('p1');
    const recorded = await new EventDecoder(registry, cipher).decode(stored(row));
    expect(recorded.event.data).toEqual({ name: null, email: null, nickname: 'A' });
    expect(recorded.erased).toEqual(['name', 'email']);
  });

  it('leaves payloads without sealed fields alone, and refuses a sealed one without a cipher', async () => {
    const plain = { name: 'Ada', email: null, nickname: 'A' };
    expect((await new EventDecoder(registry).decode(stored(plain))).event.data).toEqual(plain);
    await expect(new EventDecoder(registry).decode(stored({ [SEALED]: 'p1:{}' }))).rejects.toThrow(
      /no cipher/,
    );
  });
});
