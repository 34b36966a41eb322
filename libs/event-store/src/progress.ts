/** Where a long walk over the store stands. */
export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Items per second since the start. */
  rate: number;
  /** At the current rate; undefined before anything is done. */
  remainingMs: number | undefined;
}

/**
 * Counts the items of a long run and says when a progress line is due, at most once per `intervalMs`, so a
 * run over millions of rows prints a readable handful of lines rather than one per batch.
 */
export class ProgressMeter {
  private done = 0;
  private readonly started: number;
  private reported: number;

  constructor(
    readonly total: number,
    private readonly intervalMs = 5000,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.reported = this.started;
  }

  /** Counts `count` more items; returns the progress when a line is due. */
  advance(count: number): Progress | undefined {
    this.done += count;
    if (this.now() - this.reported < this.intervalMs) return undefined;
    this.reported = this.now();
    return this.current();
  }

  current(): Progress {
    const elapsedMs = this.now() - this.started;
    const rate = elapsedMs > 0 ? (this.done * 1000) / elapsedMs : 0;
    const left = Math.max(0, this.total - this.done);
    const remainingMs = left === 0 ? 0 : rate > 0 ? (left / rate) * 1000 : undefined;
    return { done: this.done, total: this.total, elapsedMs, rate, remainingMs };
  }
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** `label: 1,200 / 5,000 (24%), 310/s, about 12 s left` */
export function formatProgress(label: string, progress: Progress): string {
  const percent = progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 100;
  const left =
    progress.remainingMs === undefined
      ? 'time left unknown'
      : progress.remainingMs === 0
        ? 'done'
        : `about ${duration(progress.remainingMs)} left`;
  return (
    `${label}: ${count(progress.done)} / ${count(progress.total)} (${percent}%), ` +
    `${count(Math.round(progress.rate))}/s, ${left}`
  );
}
