import { parseRotateArgs } from './rotate-args';

describe('data-key:rotate arguments', () => {
  it('reads an optional batch size', () => {
    expect(parseRotateArgs([])).toEqual({ batch: 500, help: false });
    expect(parseRotateArgs(['--batch', '20'])).toEqual({ batch: 20, help: false });
    expect(parseRotateArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--batch', '0'], '--batch must be a whole number from 1 to 10000: 0'],
    [['--batch', '1.5'], '--batch must be a whole number from 1 to 10000: 1.5'],
    [['--batch', '10001'], '--batch must be a whole number from 1 to 10000: 10001'],
    [['--keys', 'x'], "Unknown option '--keys'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseRotateArgs(argv)).toThrow(message);
  });
});
