import { ArgumentInvalidError } from '../appwrite-error';
import { customId } from './ids';
import { email } from './email';
import { password } from './password';
import { text } from './text';
import { ParamSpec, validateParams } from './validate-params';

/** POST /users (API.md §6.1). */
const CREATE_USER: ParamSpec[] = [
  { name: 'userId', validator: customId, required: true },
  { name: 'email', validator: email, nullable: true, default: null },
  { name: 'password', validator: password(), default: '' },
  { name: 'name', validator: text(128), default: '' },
];

function errorOf(fn: () => unknown): ArgumentInvalidError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentInvalidError);
    return error as ArgumentInvalidError;
  }
  throw new Error('expected an ArgumentInvalidError');
}

describe('validateParams', () => {
  it('returns parsed values and defaults for absent optional params', () => {
    expect(validateParams({ userId: 'unique()', email: ' A@B.co ' }, CREATE_USER)).toEqual({
      userId: 'unique()',
      email: 'a@b.co',
      password: '',
      name: '',
    });
  });

  it('takes the default without validating it', () => {
    // '' would fail both password() and Text(128) if it were validated.
    expect(validateParams({ userId: 'u1' }, CREATE_USER)).toMatchObject({ password: '', name: '' });
  });

  it('requires required params to be present', () => {
    const error = errorOf(() => validateParams({ email: 'a@b.co' }, CREATE_USER));
    expect(error.status).toBe(400);
    expect(error.type).toBe('general_argument_invalid');
    expect(error.message).toBe('Param "userId" is not optional.');
  });

  it('validates present params even when empty', () => {
    expect(errorOf(() => validateParams({ userId: 'u1', name: '' }, CREATE_USER)).message).toBe(
      'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars',
    );
    expect(errorOf(() => validateParams({ userId: '' }, CREATE_USER)).message).toMatch(
      /^Invalid `userId` param: /,
    );
  });

  it('reports the first failing param in declaration order', () => {
    expect(errorOf(() => validateParams({ userId: '_bad', email: 'bad' }, CREATE_USER)).message).toMatch(
      /^Invalid `userId` param/,
    );
  });

  it('keeps null for nullable params and appends " or null" to their description', () => {
    expect(validateParams({ userId: 'u1', email: null }, CREATE_USER)).toMatchObject({ email: null });
    expect(errorOf(() => validateParams({ userId: 'u1', email: 'nope' }, CREATE_USER)).message).toBe(
      'Invalid `email` param: Value must be a valid email address or null',
    );
  });

  it('treats null on an optional non-nullable param as absent (Appwrite skips its validation)', () => {
    expect(validateParams({ userId: 'u1', name: null, password: null }, CREATE_USER)).toMatchObject({
      name: '',
      password: '',
    });
  });

  it('rejects null on a required non-nullable param', () => {
    expect(errorOf(() => validateParams({ userId: null }, CREATE_USER)).message).toMatch(
      /^Invalid `userId` param: /,
    );
  });

  it('accepts null on a required nullable param', () => {
    const specs: ParamSpec[] = [{ name: 'email', validator: email, required: true, nullable: true }];
    expect(validateParams({ email: null }, specs)).toEqual({ email: null });
    expect(errorOf(() => validateParams({}, specs)).message).toBe('Param "email" is not optional.');
  });

  it('treats an undefined value as absent', () => {
    expect(validateParams({ userId: 'u1', name: undefined }, CREATE_USER)).toMatchObject({ name: '' });
    expect(errorOf(() => validateParams({ userId: undefined }, CREATE_USER)).message).toBe(
      'Param "userId" is not optional.',
    );
  });

  it('ignores unknown and inherited keys', () => {
    const input = Object.assign(Object.create({ name: 'inherited' }) as object, { userId: 'u1', extra: 1 });
    expect(validateParams(input, CREATE_USER)).toEqual({ userId: 'u1', email: null, password: '', name: '' });
  });

  it('uses a failure override as the message (AllOf)', () => {
    const specs: ParamSpec[] = [
      { name: 'password', validator: password({ dictionary: new Set(['password']) }) },
    ];
    expect(errorOf(() => validateParams({ password: 'password' }, specs)).message).toBe(
      'Invalid `password` param: Password must be between 8 and 265 characters long, and should not be one of the commonly used password.',
    );
  });

  it.each<unknown>([undefined, null, 'userId=u1', 42, true, ['u1'], [{ userId: 'u1' }]])(
    'treats a non-object body (%p) as empty',
    (input) => {
      expect(errorOf(() => validateParams(input, CREATE_USER)).message).toBe(
        'Param "userId" is not optional.',
      );
      expect(validateParams(input, CREATE_USER.slice(1))).toEqual({ email: null, password: '', name: '' });
    },
  );

  it('works on null-prototype objects (parsed query strings)', () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { userId: 'u1' });
    expect(validateParams(query, CREATE_USER)).toMatchObject({ userId: 'u1' });
  });
});
