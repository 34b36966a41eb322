import { formatProgress, ProgressMeter } from './progress';

describe('ProgressMeter', () => {
  it('says a line is due at most once per interval, with the rate and the time left', () => {
    let now = 1_000;
    const meter = new ProgressMeter(10_000, 5000, () => now);
    now += 1000;
    expect(meter.advance(500)).toBeUndefined();
    now += 4000;
    expect(meter.advance(500)).toEqual({
      done: 1000,
      total: 10_000,
      elapsedMs: 5000,
      rate: 200,
      remainingMs: 45_000,
    });
    now += 100;
    expect(meter.advance(500)).toBeUndefined();
    now = 1_000 + 50_000;
    expect(meter.advance(8500)?.remainingMs).toBe(0);
  });

  it('knows no time left before anything is done, and none when there was nothing to do', () => {
    let now = 0;
    expect(new ProgressMeter(10, 5000, () => now).current().remainingMs).toBeUndefined();
    const empty = new ProgressMeter(0, 5000, () => now);
    now = 10;
    expect(empty.current()).toMatchObject({ done: 0, total: 0, remainingMs: 0 });
  });
});

describe('formatProgress', () => {
  const line = (done: number, total: number, rate: number, remainingMs: number | undefined) =>
    formatProgress('Sealing', { done, total, elapsedMs: 1, rate, remainingMs });

  it('writes done / total, percent, rate and time left in one line', () => {
    expect(line(12_000, 50_000, 3100.4, 12_300)).toBe(
      'Sealing: 12,000 / 50,000 (24%), 3,100/s, about 12 s left',
    );
    expect(line(1, 3, 0.2, 185_000)).toBe('Sealing: 1 / 3 (33%), 0/s, about 3 min 5 s left');
    expect(line(1, 300_000, 1, 7_380_000)).toBe('Sealing: 1 / 300,000 (0%), 1/s, about 2 h 3 min left');
    expect(line(0, 0, 0, 0)).toBe('Sealing: 0 / 0 (100%), 0/s, done');
    expect(line(4, 5, 9, 200)).toBe('Sealing: 4 / 5 (80%), 9/s, about 1 s left');
    expect(line(0, 5, 0, undefined)).toBe('Sealing: 0 / 5 (0%), 0/s, time left unknown');
  });
});
