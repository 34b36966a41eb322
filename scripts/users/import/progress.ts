import { Presets, SingleBar } from 'cli-progress';

export interface ImportProgress {
  /** `bytes` of the file answered so far (of `total`), `users` answered in this run. */
  update(bytes: number, users: number): void;
  stop(): void;
}

/**
 * The file's bytes are the only total known before reading it all, so the bar and its ETA follow bytes and
 * the rate counts users. A terminal gets cli-progress's bar (as `npm run projections` does); a log a line
 * every few seconds.
 */
export function importProgress(total: number, startBytes: number): ImportProgress {
  const started = Date.now();
  const rate = (users: number) => Math.round((users * 1000) / Math.max(1, Date.now() - started));
  if (process.stdout.isTTY) {
    const bar = new SingleBar(
      {
        format: 'import [{bar}] {percentage}% | {users} users | {rate} users/s | {eta_formatted} left',
        etaBuffer: 50,
        hideCursor: true,
        stream: process.stdout,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(1, total), startBytes, { users: 0, rate: 0 });
    return {
      update: (bytes, users) => bar.update(bytes, { users, rate: rate(users) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest = { bytes: startBytes, users: 0 };
  const print = () => {
    const { bytes, users } = latest;
    const percent = Math.floor((bytes * 100) / Math.max(1, total));
    const left = users > 0 ? ((total - bytes) * (Date.now() - started)) / Math.max(1, bytes - startBytes) : 0;
    process.stdout.write(
      `import ${percent}% | ${users} users | ${rate(users)} users/s | ${Math.round(left / 1000)}s left\n`,
    );
  };
  return {
    update(bytes, users) {
      latest = { bytes, users };
      if (Date.now() - last < 2000) return;
      last = Date.now();
      print();
    },
    // The last figures, whenever the run ends: a short run would otherwise show no progress at all.
    stop: () => print(),
  };
}
