interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the work of concurrent jobs into one database round trip: `add` resolves once its item was written
 * with the others of its batch (or rejects with the batch's error, so each job retries on its own). A batch is
 * written when `maxSize` items wait or after `maxWaitMs`, whichever comes first.
 */
export class MicroBatcher<T> {
  private pending: Array<Pending<T>> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxSize = 100,
    private readonly maxWaitMs = 2,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.write(batch.map((p) => p.item)).then(
      () => batch.forEach((p) => p.resolve()),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  }
}
