import { ArgumentInvalidError } from '@libs/http';
import { email, looseBoolean, nullable, text } from '@libs/http/params';
import { arrayQueryParam } from './array-query-param';
import { defineParams } from './request-params';

describe('defineParams', () => {
  const params = defineParams<{ userId: string; email: string | null; name: string; total: boolean }>(
    'TestRequest',
    {
      userId: { validator: text(36), required: true },
      email: { validator: nullable(email), default: null },
      name: { validator: text(128), default: '' },
      total: { validator: looseBoolean, default: true },
    },
  );

  it('parses present params and gives absent optional ones their default without validating it', () => {
    expect(params.parse({ userId: 'u1', email: 'A@B.co', ignored: 1 })).toEqual({
      userId: 'u1',
      email: 'a@b.co',
      name: '',
      total: true,
    });
  });

  it('requires the key of a required param to be present', () => {
    expect(() => params.parse({})).toThrow(new ArgumentInvalidError('Param "userId" is not optional.'));
  });

  it('validates a present param even when it is empty', () => {
    expect(() => params.parse({ userId: 'u', name: '' })).toThrow(/^Invalid `name` param: /);
  });

  it('accepts null for a nullable param and treats null on other optional params as absent', () => {
    expect(params.parse({ userId: 'u', email: null, name: null })).toMatchObject({ email: null, name: '' });
  });

  it('reads objects whose prototype is not Object.prototype (Fastify query strings)', () => {
    const query = Object.assign(Object.create({}) as Record<string, unknown>, {
      userId: 'u1',
      total: 'false',
    });
    expect(params.parse(query)).toMatchObject({ userId: 'u1', total: false });
  });

  it('treats a body that is not an object as empty', () => {
    for (const body of [null, undefined, 'x', 42, [1]]) {
      expect(() => params.parse(body)).toThrow('Param "userId" is not optional.');
    }
  });

  it('documents the 400s that parse really throws', () => {
    const [missing, invalid] = params.errors.map(({ error }) => error);
    expect(() => params.parse({})).toThrow(missing);
    expect(() => params.parse({ userId: 'x'.repeat(37) })).toThrow(invalid);
  });

  it('carries a Swagger schema on its DTO class', () => {
    expect(params.dto.name).toBe('TestRequest');
  });
});

describe('arrayQueryParam', () => {
  it('orders indexed keys by index and keeps unindexed ones after them', () => {
    expect(
      arrayQueryParam({ 'queries[1]': 'b', 'queries[0]': 'a', 'queries[]': ['c', 'd'] }, 'queries'),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes a plain repeated key, and is undefined when the param is absent', () => {
    expect(arrayQueryParam({ queries: 'x' }, 'queries')).toEqual(['x']);
    expect(arrayQueryParam({ search: 'x' }, 'queries')).toBeUndefined();
    expect(arrayQueryParam(undefined, 'queries')).toBeUndefined();
  });

  it('ignores other params with brackets', () => {
    expect(arrayQueryParam({ 'other[0]': 'x', 'queries[10]': 'k', 'queries[2]': 'j' }, 'queries')).toEqual([
      'j',
      'k',
    ]);
  });
});
