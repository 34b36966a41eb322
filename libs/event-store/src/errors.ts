/** Another writer appended to the stream after the caller read it. Re-run the command on fresh state. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamType: string,
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`Stream ${streamType}/${streamId} is no longer at version ${expectedVersion}`);
    this.name = 'ConcurrencyError';
  }
}

/** A `claim` hit a value another stream already holds. */
export class UniqueConstraintError extends Error {
  constructor(
    readonly scope: string,
    readonly value: string,
  ) {
    super(`Unique constraint ${scope} is already held for this value`);
    this.name = 'UniqueConstraintError';
  }
}
