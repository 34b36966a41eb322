import { EventRegistry, UnknownEventTypeError } from './registry';
import { uuidv7 } from './uuid';

class ThingNamed {
  static readonly type = 'thing.named';
  static readonly schemaVersion = 3;
  constructor(readonly data: { first: string; last: string; title: string }) {}
}

class ThingDeleted {
  static readonly type = 'thing.deleted';
  constructor(readonly data: Record<string, never>) {}
}

type ThingEvent = ThingNamed | ThingDeleted;

const registry = new EventRegistry<ThingEvent>()
  .register(ThingNamed, {
    // v1 had one `name`; v2 split it; v3 added a title.
    1: (d) => {
      const [first, ...rest] = String(d.name).split(' ');
      return { first, last: rest.join(' ') };
    },
    2: (d) => ({ ...d, title: '' }),
  })
  .register(ThingDeleted);

describe('EventRegistry', () => {
  it('upcasts an old payload through every version to the current shape', () => {
    const event = registry.toDomain({
      type: 'thing.named',
      schemaVersion: 1,
      data: { name: 'Ada King Lovelace' },
    });
    expect(event).toBeInstanceOf(ThingNamed);
    expect(event.data).toEqual({ first: 'Ada', last: 'King Lovelace', title: '' });
  });

  it('leaves a current payload alone', () => {
    const data = { first: 'Ada', last: 'L', title: 'Countess' };
    expect(registry.toDomain({ type: 'thing.named', schemaVersion: 3, data }).data).toEqual(data);
  });

  it('stores new events with their type and current schema version', () => {
    expect(registry.toNew(new ThingNamed({ first: 'a', last: 'b', title: '' }), 't1')).toEqual({
      type: 'thing.named',
      schemaVersion: 3,
      data: { first: 'a', last: 'b', title: '' },
    });
    expect(registry.toNew(new ThingDeleted({}), 't1')).toMatchObject({
      type: 'thing.deleted',
      schemaVersion: 1,
    });
  });

  it('refuses unknown types both ways', () => {
    expect(() => registry.toDomain({ type: 'thing.unknown', schemaVersion: 1, data: {} })).toThrow(
      UnknownEventTypeError,
    );
    class Stranger {
      static readonly type = 'thing.stranger';
      constructor(readonly data: object) {}
    }
    expect(() => registry.toNew(new Stranger({}) as never, 't1')).toThrow(UnknownEventTypeError);
  });

  it('refuses a registration with a missing upcaster', () => {
    expect(() => new EventRegistry<ThingEvent>().register(ThingNamed, { 1: (d) => d })).toThrow(
      /missing upcaster from schema version 2/,
    );
  });
});

describe('uuidv7', () => {
  it('is a version 7 UUID that sorts by time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
