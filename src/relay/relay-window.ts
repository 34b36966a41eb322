interface Gap {
  firstSeen: number;
  nextProbe: number;
}

/** How often an open gap is re-read: at once while young, then at half its age, at most every 5 s. */
const MAX_PROBE_INTERVAL_MS = 5000;
/**
 * Appends insert one row per statement, so a jump needs as many concurrent transactions as skipped positions;
 * a larger jump (an AUTO_INCREMENT reset or bump) cannot be in-flight work and is not tracked.
 */
const MAX_GAP_SPAN = 10_000;

/**
 * What the relay has delivered above its checkpoint. Positions come from AUTO_INCREMENT, so they commit out
 * of order (a transaction holding 10 commits after the one holding 11) and a rolled-back append leaves a
 * position that never commits. Every position in (checkpoint, highWater] has been delivered except the
 * `gaps`; the checkpoint stops below the oldest gap until that gap fills or is older than `graceMs`, after
 * which no transaction can still be holding it (innodb_lock_wait_timeout is 50 s).
 */
export class RelayWindow {
  private readonly gaps = new Map<number, Gap>();
  private high: number;

  constructor(
    private current: number,
    private readonly graceMs: number,
  ) {
    this.high = current;
  }

  /** Highest position delivered or skipped over as a gap: new events are read after it. */
  get highWater(): number {
    return this.high;
  }

  get checkpoint(): number {
    return this.current;
  }

  get openGaps(): number[] {
    return [...this.gaps.keys()].sort((a, b) => a - b);
  }

  /** Records delivered events read after `highWater`; positions skipped on the way become gaps. */
  accept(positions: readonly number[], now: number): void {
    for (const position of positions) {
      if (position <= this.high) {
        this.gaps.delete(position);
        continue;
      }
      for (let missing = Math.max(this.high + 1, position - MAX_GAP_SPAN); missing < position; missing++) {
        this.gaps.set(missing, { firstSeen: now, nextProbe: now });
      }
      this.high = position;
    }
  }

  /** Gaps due for a re-read, lowest first. */
  gapsToProbe(now: number, max: number): number[] {
    const due: number[] = [];
    for (const [position, gap] of this.gaps) if (gap.nextProbe <= now) due.push(position);
    return due.sort((a, b) => a - b).slice(0, max);
  }

  /** A probe found the gap still empty: look again later, less often as it ages. */
  stillEmpty(position: number, now: number): void {
    const gap = this.gaps.get(position);
    if (gap) gap.nextProbe = now + Math.min(MAX_PROBE_INTERVAL_MS, (now - gap.firstSeen) / 2);
  }

  /** Forgets expired gaps and moves the checkpoint over the contiguous delivered prefix; returns it. */
  advance(now: number): number {
    for (const [position, gap] of this.gaps) {
      if (now - gap.firstSeen >= this.graceMs) this.gaps.delete(position);
    }
    let lowest = this.high + 1;
    for (const position of this.gaps.keys()) lowest = Math.min(lowest, position);
    this.current = lowest - 1;
    return this.current;
  }
}
