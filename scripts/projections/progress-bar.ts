import { formatProgress, ProgressMeter } from '@libs/event-store';
import { Presets, SingleBar } from 'cli-progress';
import type { ProgressReporter } from '../../src/projections';

/** On a terminal: a bar with the rate and the time left, redrawn in place (stdout; stderr is for the one-line error). */
function terminalReporter(): ProgressReporter {
  return {
    start(label, total) {
      const bar = new SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} events | {speed}/s | {eta_formatted} left`,
          etaBuffer: 50,
          hideCursor: true,
          stream: process.stdout,
        },
        Presets.shades_classic,
      );
      const started = Date.now();
      let done = 0;
      const speed = () => Math.round((done * 1000) / Math.max(1, Date.now() - started));
      bar.start(total, 0, { speed: 0 });
      return {
        advance(count) {
          done += count;
          bar.update(done, { speed: speed() });
        },
        done() {
          bar.update(done, { speed: speed() });
          bar.stop();
        },
      };
    },
    line: (text) => process.stdout.write(`${text}\n`),
  };
}

/** In a log: a line every few seconds with the same figures, and one at the end. */
function lineReporter(intervalMs: number): ProgressReporter {
  return {
    start(label, total) {
      const meter = new ProgressMeter(total, intervalMs);
      return {
        advance(count) {
          const progress = meter.advance(count);
          if (progress) process.stdout.write(`${formatProgress(label, progress)}\n`);
        },
        done: () => process.stdout.write(`${formatProgress(label, meter.current())}\n`),
      };
    },
    line: (text) => process.stdout.write(`${text}\n`),
  };
}

export function progressReporter(): ProgressReporter {
  return process.stdout.isTTY ? terminalReporter() : lineReporter(5000);
}
