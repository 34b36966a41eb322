import { parseProjectionsArgs } from './args';

const KNOWN = ['users', 'sessions', 'identities', 'session-sweeps'];

describe('projections arguments', () => {
  it('reads the command, the read models (all by default) and the options', () => {
    expect(parseProjectionsArgs(['verify'], KNOWN)).toEqual({
      command: 'verify',
      names: KNOWN,
      batch: 1000,
      show: 50,
      lockWait: 10,
    });
    expect(
      parseProjectionsArgs(['rebuild', 'users', 'users', '--batch', '200', '--lock-wait', '30'], KNOWN),
    ).toEqual({ command: 'rebuild', names: ['users'], batch: 200, show: 50, lockWait: 30 });
    expect(parseProjectionsArgs(['--help'], KNOWN)).toBe('help');
  });

  it.each([
    [[], 'say verify or rebuild'],
    [['check'], 'unknown command "check" (verify or rebuild)'],
    [
      ['verify', 'people'],
      'no read model named people (there are: users, sessions, identities, session-sweeps)',
    ],
    [['verify', '--batch', '0'], '--batch must be a whole number from 1 to 10000: 0'],
    [['verify', '--show', '-1'], "Option '--show' argument is ambiguous"],
    [['verify', '--lock-wait', '1.5'], '--lock-wait must be a whole number from 1 to 600: 1.5'],
    [['verify', '--force'], "Unknown option '--force'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseProjectionsArgs(argv, KNOWN)).toThrow(message);
  });
});
