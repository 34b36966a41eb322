/**
 * A string that cannot be a hash of the algorithm it was imported as, or options that no such hash can
 * have. Thrown by a hasher's `describe`, so a bad import is refused up front instead of being found out at
 * the user's first failed login.
 */
export class InvalidHashError extends Error {
  override readonly name = 'InvalidHashError';

  /**
   * @param param the value at fault, named as Appwrite's import routes name it (`password`, `passwordCpu`,
   *   `passwordSalt`, …), so that a caller can answer with it unchanged
   * @param reason what is wrong with it, in a sentence that can be shown to the client
   */
  constructor(
    readonly param: string,
    readonly reason: string,
  ) {
    super(`${param}: ${reason}`);
  }
}
