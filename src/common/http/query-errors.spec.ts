import { QUERY_ERRORS } from './query-errors';

describe('QUERY_ERRORS', () => {
  it("documents the query library's two 400s with its own messages", () => {
    expect(QUERY_ERRORS.map(({ error }) => error)).toEqual([
      expect.objectContaining({
        status: 400,
        type: 'general_query_invalid',
        message: expect.stringMatching(/^Invalid query: /),
      }),
      expect.objectContaining({
        status: 400,
        type: 'general_argument_invalid',
        message: expect.stringMatching(/^Invalid `queries` param: Invalid query: Invalid limit/),
      }),
    ]);
  });
});
