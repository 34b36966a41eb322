import { ALL_EVENTS } from '../events';
import { HISTORY_DATA } from './history-data';
import { includeStreams } from './history-streams';

describe('include', () => {
  const parse = (value: unknown) => {
    const result = includeStreams.parse(value);
    return result.ok ? result.value : 'refused';
  };

  it("adds session and identity streams to the user's own", () => {
    expect(parse('')).toEqual(['user']);
    expect(parse('sessions')).toEqual(['user', 'session']);
    expect(parse('identities, sessions,sessions')).toEqual(['user', 'identity', 'session']);
    expect(parse(['sessions', 'identities'])).toEqual(['user', 'session', 'identity']);
  });

  it('refuses anything else', () => {
    for (const value of ['user', 'sessions,', 'logs', ['sessions', 2], 1, null])
      expect(parse(value)).toBe('refused');
  });
});

describe('the history map', () => {
  it('says what to show of every registered event type', () => {
    const missing = ALL_EVENTS.types()
      .map(({ type }) => type)
      .filter((type) => !Object.hasOwn(HISTORY_DATA, type));
    expect(missing).toEqual([]);
  });
});
