import { parseExportArgs } from './args';

const ENV = { API_KEY: 'secret' };

describe('users:export arguments', () => {
  it('reads FILE, the queries and search, and the service from the environment with defaults', () => {
    expect(parseExportArgs(['users.ndjson'], ENV)).toEqual({
      file: 'users.ndjson',
      queries: [],
      endpoint: 'http://localhost:3000/v1',
      project: 'default',
      key: 'secret',
    });
    expect(
      parseExportArgs(
        ['out', '--query', 'equal("status", [true])', '--query', 'isNull("phone")', '--search', 'ada'],
        {
          ...ENV,
          APPWRITE_ENDPOINT: 'https://id.example.com/v1/',
          APPWRITE_PROJECT: 'p1',
        },
      ),
    ).toEqual({
      file: 'out',
      queries: ['equal("status", [true])', 'isNull("phone")'],
      search: 'ada',
      endpoint: 'https://id.example.com/v1',
      project: 'p1',
      key: 'secret',
    });
    expect(
      parseExportArgs(['out', '--endpoint', 'http://127.0.0.1:4000/v1', '--project', 'p2'], {
        ...ENV,
        APPWRITE_ENDPOINT: 'http://ignored/v1',
      }),
    ).toEqual(expect.objectContaining({ endpoint: 'http://127.0.0.1:4000/v1', project: 'p2' }));
    expect(parseExportArgs(['--help'], {})).toBe('help');
  });

  it.each([
    [[], ENV, 'say which FILE to write'],
    [['a', 'b'], ENV, 'give one FILE only'],
    [['a'], {}, 'set API_KEY to a key with the users.read scope'],
    [['a', '--endpoint', 'localhost:3000'], ENV, 'the endpoint is not an http(s) URL: localhost:3000'],
    [['a', '--limit', '3'], ENV, "Unknown option '--limit'"],
  ])('refuses %j', (argv, env, message) => {
    expect(() => parseExportArgs(argv, env)).toThrow(message);
  });
});
