import { parseImportArgs, UsageError } from './args';
import { alreadyThere, parseLine, rejectLine } from './lines';

describe('users:import lines', () => {
  it('sends a JSON object, skips a blank line, rejects anything else with the line number', () => {
    expect(parseLine('{"userId":"a"}', 3)).toEqual({
      kind: 'item',
      line: 3,
      text: '{"userId":"a"}',
      item: { userId: 'a' },
    });
    expect(parseLine('   ', 4)).toEqual({ kind: 'blank' });
    expect(parseLine('{"userId":', 5)).toMatchObject({
      kind: 'reject',
      line: 5,
      error: { code: 0, type: 'import_line_invalid', message: expect.stringMatching(/^Not JSON/) },
    });
    expect(parseLine('[1]', 6)).toMatchObject({ kind: 'reject', error: { message: 'Not a JSON object' } });
    expect(parseLine('null', 7)).toMatchObject({ kind: 'reject' });
  });

  it('writes a reject as one JSON line with the original text', () => {
    const error = { message: 'bad', code: 400, type: 'general_argument_invalid' };
    expect(JSON.parse(rejectLine(9, error, '{"x":1}'))).toEqual({ line: 9, error, original: '{"x":1}' });
    expect(rejectLine(9, error, 'x').endsWith('\n')).toBe(true);
    expect(JSON.parse(rejectLine(9, error, 'x', 'email'))).toEqual({
      line: 9,
      error,
      conflict: 'email',
      original: 'x',
    });
  });
});

describe('users:import arguments', () => {
  const env = { API_KEY: 'k'.repeat(20) };

  it('takes the endpoint, project and key from the environment, flags first', () => {
    expect(parseImportArgs(['users.ndjson'], env)).toEqual({
      file: 'users.ndjson',
      endpoint: 'http://localhost:3000/v1',
      project: 'default',
      key: env.API_KEY,
      batch: 1000,
      concurrency: 2,
      maxBytes: 900000,
      restart: false,
    });
    const args = parseImportArgs(
      ['f', '--endpoint', 'http://h:1/v1/', '--project', 'p', '--batch', '10', '--restart'],
      { ...env, APPWRITE_PROJECT: 'q' },
    );
    expect(args).toMatchObject({ endpoint: 'http://h:1/v1', project: 'p', batch: 10, restart: true });
  });

  it('refuses a bad command line with a usage error', () => {
    expect(() => parseImportArgs([], env)).toThrow(UsageError);
    expect(() => parseImportArgs(['f', '--batch', '1001'], env)).toThrow(/--batch/);
    expect(() => parseImportArgs(['f'], {})).toThrow(/API_KEY/);
    expect(() => parseImportArgs(['f', '--nope'], env)).toThrow(UsageError);
    expect(parseImportArgs(['--help'], env)).toBe('help');
  });

  it('counts a 409 as "already there" only for the id: another user\'s email or phone is a reject', () => {
    const exists = { message: 'm', code: 409, type: 'user_already_exists' };
    expect(alreadyThere({ error: exists, conflict: 'id' })).toBe(true);
    expect(alreadyThere({ error: exists, conflict: 'email' })).toBe(false);
    expect(alreadyThere({ error: exists, conflict: 'phone' })).toBe(false);
    expect(alreadyThere({ error: exists })).toBe(true);
    expect(alreadyThere({ error: { ...exists, code: 400, type: 'general_argument_invalid' } })).toBe(false);
  });
});
