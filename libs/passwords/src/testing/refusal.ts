import { InvalidHashError } from '../hash.errors';

/**
 * What `describe` refuses an input with, as `{ param, reason }`; `'accepted'` when it does not throw. Any
 * other error is returned as it is, so a spec expecting a refusal fails on it instead of passing.
 */
export function refusalOf(describe: () => unknown): { param: string; reason: string } | unknown {
  try {
    describe();
  } catch (error) {
    return error instanceof InvalidHashError ? { param: error.param, reason: error.reason } : error;
  }
  return 'accepted';
}
