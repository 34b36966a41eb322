import { ArgumentInvalidError } from '@libs/http';
import { InvalidHashError, Md5Hasher } from '@libs/passwords';
import { describeImported } from './import-user.params';

describe('describeImported', () => {
  it("passes the hasher's reading through", () => {
    expect(describeImported(() => new Md5Hasher().describe('144FA7EAA4904E8EE120651997F70DCC'))).toEqual({
      hash: '144fa7eaa4904e8ee120651997f70dcc',
      algorithm: 'md5',
      options: { type: 'md5' },
    });
  });

  it("answers a refused hash as Appwrite's invalid parameter, worded by the hasher", () => {
    const thrown = (() => {
      try {
        describeImported(() => new Md5Hasher().describe('z'.repeat(32)));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ArgumentInvalidError);
    expect(thrown).toMatchObject({
      status: 400,
      type: 'general_argument_invalid',
      message: 'Invalid `password` param: Value must be 32 hexadecimal characters',
    });
  });

  it('names the parameter the hasher names', () => {
    expect(() =>
      describeImported(() => {
        throw new InvalidHashError('passwordCpu', 'passwordCpu must be a power of two greater than 1');
      }),
    ).toThrow('Invalid `passwordCpu` param: passwordCpu must be a power of two greater than 1');
  });

  it('lets any other failure through as it is', () => {
    const failure = new Error('disk on fire');
    expect(() =>
      describeImported(() => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});
