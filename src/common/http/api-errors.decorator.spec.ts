import { DECORATORS } from '@nestjs/swagger';
import { APPWRITE_COMPAT_VERSION, AppwriteError, ArgumentInvalidError } from '@libs/http';
import { ApiAppwriteErrors, thrownBy, when } from './api-errors.decorator';

class NotFoundThingError extends AppwriteError {
  constructor() {
    super(404, 'user_not_found', 'User with the requested ID could not be found.');
  }
}

function responsesOf(decorate: (proto: object, descriptor: PropertyDescriptor) => void) {
  class Target {
    handler() {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Target.prototype, 'handler')!;
  decorate(Target.prototype, descriptor);
  return Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value);
}

describe('ApiAppwriteErrors', () => {
  it("documents each error under its own status with the filter's body, plus 500 general_unknown", () => {
    const responses = responsesOf((proto, d) =>
      ApiAppwriteErrors(NotFoundThingError, ArgumentInvalidError.missing('userId'))(proto, 'handler', d),
    );
    expect(Object.keys(responses).sort()).toEqual(['400', '404', '500']);
    expect(responses[404].examples).toEqual({
      user_not_found: {
        summary: 'user_not_found',
        value: {
          message: 'User with the requested ID could not be found.',
          code: 404,
          type: 'user_not_found',
          version: APPWRITE_COMPAT_VERSION,
        },
      },
    });
    expect(responses[500].examples.general_unknown.value).toMatchObject({
      code: 500,
      message: 'Server Error',
    });
  });

  it('accumulates over several decorators, in any order, without repeating descriptions', () => {
    const responses = responsesOf((proto, d) => {
      ApiAppwriteErrors(when(NotFoundThingError, 'No such user'))(proto, 'handler', d);
      ApiAppwriteErrors(
        when(new AppwriteError(404, 'project_not_found', 'Project…'), 'Wrong `X-Appwrite-Project`'),
        NotFoundThingError,
      )(proto, 'handler', d);
    });
    expect(Object.keys(responses[404].examples)).toEqual(['user_not_found', 'project_not_found']);
    expect(responses[404].examples.project_not_found.summary).toBe(
      'project_not_found: Wrong X-Appwrite-Project',
    );
    expect(responses[404].description).toBe(
      '- `user_not_found`: No such user\n- `project_not_found`: Wrong `X-Appwrite-Project`',
    );
    expect(Object.keys(responses[500].examples)).toEqual(['general_unknown']);
  });

  it('names several examples of one type apart', () => {
    const responses = responsesOf((proto, d) =>
      ApiAppwriteErrors(ArgumentInvalidError.missing('a'), ArgumentInvalidError.missing('b'))(
        proto,
        'handler',
        d,
      ),
    );
    expect(Object.keys(responses[400].examples)).toEqual([
      'general_argument_invalid',
      'general_argument_invalid (2)',
    ]);
  });
});

describe('thrownBy', () => {
  it('takes the Appwrite error a check throws, and nothing when it does not throw', () => {
    const error = ArgumentInvalidError.missing('x');
    expect(
      thrownBy(() => {
        throw error;
      }, 'why'),
    ).toEqual([{ error, when: 'why' }]);
    expect(thrownBy(() => undefined, 'why')).toEqual([]);
  });
});
