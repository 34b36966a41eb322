/**
 * A server the process cannot start without is unreachable. Its stack is its message: where in the start-up the
 * connection failed says nothing an operator can act on, and "Failed to start: <stack>" then stays one line.
 */
export class DependencyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyUnavailableError';
    this.stack = message;
  }
}
