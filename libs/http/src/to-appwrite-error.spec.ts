import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AppwriteError, ArgumentInvalidError } from './appwrite-error';
import { appwriteTypeForStatus, toAppwriteError } from './to-appwrite-error';

describe('toAppwriteError', () => {
  it('keeps the status, type and message of an AppwriteError', () => {
    expect(toAppwriteError(new AppwriteError(404, 'user_not_found', 'nope'))).toEqual({
      status: 404,
      type: 'user_not_found',
      message: 'nope',
      unexpected: false,
    });
    expect(toAppwriteError(ArgumentInvalidError.missing('userId'))).toMatchObject({
      status: 400,
      type: 'general_argument_invalid',
      message: 'Param "userId" is not optional.',
    });
  });

  it('maps an unknown route to general_route_not_found', () => {
    expect(toAppwriteError(new NotFoundException())).toMatchObject({
      status: 404,
      type: 'general_route_not_found',
    });
  });

  it('maps Nest 4xx exceptions by status', () => {
    expect(toAppwriteError(new BadRequestException('bad'))).toMatchObject({
      status: 400,
      type: 'general_argument_invalid',
    });
  });

  it.each([
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400],
    ['FST_ERR_BAD_URL', 400],
    ['FST_ERR_MAX_PARAM_LENGTH', 414],
  ])('maps the Fastify error %s to %d', (code, status) => {
    const error = Object.assign(new Error('x'), { code, statusCode: status });
    expect(toAppwriteError(error)).toMatchObject({
      status,
      type: 'general_argument_invalid',
      unexpected: false,
    });
  });

  it('hides unexpected errors behind 500 Server Error', () => {
    expect(toAppwriteError(new Error('ECONNREFUSED 10.0.0.1 password=secret'))).toEqual({
      status: 500,
      type: 'general_unknown',
      message: 'Server Error',
      unexpected: true,
    });
    expect(toAppwriteError('a string')).toMatchObject({ status: 500 });
    expect(toAppwriteError(null)).toMatchObject({ status: 500 });
  });

  it('gives every bare status an Appwrite type: the request is wrong below 500, unknown above', () => {
    expect(appwriteTypeForStatus(431)).toBe('general_argument_invalid');
    expect(appwriteTypeForStatus(418)).toBe('general_argument_invalid');
    expect(appwriteTypeForStatus(404)).toBe('general_route_not_found');
    expect(appwriteTypeForStatus(503)).toBe('general_unknown');
  });
});
