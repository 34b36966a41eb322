/** How the tools show their progress: a bar on a terminal, lines in a log. */
export interface ProgressReporter {
  /** A long step over `total` items; `advance` after each batch, `done` at the end. */
  start(label: string, total: number): { advance(count: number): void; done(): void };
  line(text: string): void;
}

/** Prints nothing: for callers that only want the result. */
export const SILENT: ProgressReporter = {
  start: () => ({ advance: () => undefined, done: () => undefined }),
  line: () => undefined,
};
