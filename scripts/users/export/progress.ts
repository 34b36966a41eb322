import { formatProgress, ProgressMeter } from '@libs/event-store';
import { Presets, SingleBar } from 'cli-progress';

/** How far an export is; `total` comes from `GET /v1/users/count` and may be passed (users created since). */
export interface ExportProgress {
  advance(users: number): void;
  done(): void;
}

/**
 * On a terminal, a bar with the rate and the time left, redrawn in place; in a log, a line every few seconds.
 * The projections' reporter counts events under a label of its own, hence this small twin counting users.
 */
export function exportProgress(total: number, out: NodeJS.WriteStream = process.stdout): ExportProgress {
  if (!out.isTTY) {
    const meter = new ProgressMeter(total, 5000);
    return {
      advance(users) {
        const progress = meter.advance(users);
        if (progress) out.write(`${formatProgress('users:export', progress)}\n`);
      },
      done: () => out.write(`${formatProgress('users:export', meter.current())}\n`),
    };
  }
  const bar = new SingleBar(
    {
      format: 'users:export [{bar}] {percentage}% | {value}/{total} users | {speed}/s | {eta_formatted} left',
      etaBuffer: 50,
      hideCursor: true,
      stream: out,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  const speed = () => Math.round((done * 1000) / Math.max(1, Date.now() - started));
  bar.start(total, 0, { speed: 0 });
  return {
    advance(users) {
      done += users;
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { speed: speed() });
    },
    done() {
      bar.update(done, { speed: speed() });
      bar.stop();
    },
  };
}
