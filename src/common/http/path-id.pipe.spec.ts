import { PathIdPipe } from './path-id.pipe';

describe('PathIdPipe', () => {
  it('documents the 400 it throws for a malformed id', () => {
    const pipe = new PathIdPipe('sessionId');
    const [{ error }] = pipe.errors;
    expect(() => pipe.transform('_bad')).toThrow(error);
    expect(error).toMatchObject({ status: 400, type: 'general_argument_invalid' });
    expect(pipe.transform('good_1')).toBe('good_1');
  });
});
