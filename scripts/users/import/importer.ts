import { closeSync, createReadStream, openSync, statSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ImportArgs } from './args';
import { BatchClient } from './batch-client';
import { readCheckpoint, rejectsPath, removeCheckpoint, writeCheckpoint } from './checkpoint';
import { alreadyThere, ItemError, parseLine, rejectLine } from './lines';
import { ImportProgress, importProgress } from './progress';

export interface ImportSummary {
  /** Lines answered in this run (blank ones included), after the ones a resumed run skipped. */
  read: number;
  skipped: number;
  created: number;
  rejected: number;
  alreadyExisted: number;
  seconds: number;
  interrupted: boolean;
}

/** Consecutive lines sent in one request (bad JSON lines ride along, answered without sending). */
interface Unit {
  first: number;
  last: number;
  bytes: number;
  /** `json`: what is sent; `text`: the line as read, for the rejects file. */
  items: Array<{ line: number; text: string; json: string }>;
  rejects: Array<{ line: number; error: ItemError; text: string; conflict?: string }>;
  created: number;
  alreadyExisted: number;
  done: boolean;
}

const newUnit = (first: number): Unit => ({
  first,
  last: first - 1,
  bytes: 0,
  items: [],
  rejects: [],
  created: 0,
  alreadyExisted: 0,
  done: false,
});

/**
 * Streams `args.file` through the batch route. Units are answered out of order but acknowledged in line
 * order: only a line whose predecessors are all answered moves the checkpoint and gets its reject written,
 * so a resumed run neither skips a line nor writes a reject twice. `stop.requested` (Ctrl-C) ends the
 * reading; what is in flight is still answered and acknowledged.
 */
export async function runImport(args: ImportArgs, stop: { requested: boolean }): Promise<ImportSummary> {
  const started = Date.now();
  const client = new BatchClient(args.endpoint, args.project, args.key);
  const resumeAt = args.restart ? 0 : (readCheckpoint(args.file)?.line ?? 0);
  if (args.restart) removeCheckpoint(args.file);
  const rejects = openSync(rejectsPath(args.file), resumeAt > 0 ? 'a' : 'w');
  const total = statSync(args.file).size;
  const summary: ImportSummary = {
    read: 0,
    skipped: resumeAt,
    created: 0,
    rejected: 0,
    alreadyExisted: 0,
    seconds: 0,
    interrupted: false,
  };
  let bytes = 0;
  // Made at the first line after a resumed run's skipped ones, so the rate and time left count this run only.
  let progress: ImportProgress | undefined;
  const queue: Unit[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;

  const acknowledge = () => {
    let moved = false;
    while (queue.length > 0 && queue[0].done) {
      const unit = queue.shift()!;
      const all = unit.rejects.sort((a, b) => a.line - b.line);
      for (const r of all) writeSync(rejects, rejectLine(r.line, r.error, r.text, r.conflict));
      summary.created += unit.created;
      summary.alreadyExisted += unit.alreadyExisted;
      summary.rejected += all.length - unit.alreadyExisted;
      bytes += unit.bytes;
      writeCheckpoint(args.file, unit.last);
      // Lines answered, not lines read: an interrupted run reads a few it never sends.
      summary.read = unit.last - resumeAt;
      moved = true;
    }
    if (moved) progress?.update(bytes, summary.created + summary.rejected + summary.alreadyExisted);
  };

  const send = async (unit: Unit) => {
    if (unit.items.length > 0) {
      const body = `{"users":[${unit.items.map((i) => i.json).join(',')}]}`;
      const results = await client.send(body, unit.items.length);
      for (const result of results) {
        const item = unit.items[result.index];
        if (result.status === 201) unit.created++;
        else {
          if (alreadyThere(result)) unit.alreadyExisted++;
          const error = result.error ?? { message: `status ${result.status}`, code: result.status, type: '' };
          unit.rejects.push({ line: item.line, error, text: item.text, conflict: result.conflict });
        }
      }
    }
    unit.done = true;
    acknowledge();
  };

  const dispatch = async (unit: Unit) => {
    queue.push(unit);
    const task = send(unit)
      .catch((error) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    while (inFlight.size >= args.concurrency && !failure) await Promise.race(inFlight);
  };

  const input = createReadStream(args.file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let unit = newUnit(resumeAt + 1);
  let bodyBytes = 20;
  try {
    for await (const text of lines) {
      lineNo++;
      if (lineNo <= resumeAt) {
        bytes += Buffer.byteLength(text) + 1;
        continue;
      }
      if (stop.requested || failure) break;
      progress ??= importProgress(total, bytes);
      const parsed = parseLine(text, lineNo);
      const size = Buffer.byteLength(text) + 1;
      if (
        parsed.kind === 'item' &&
        unit.items.length > 0 &&
        (unit.items.length >= args.batch || bodyBytes + size > args.maxBytes)
      ) {
        await dispatch(unit);
        unit = newUnit(lineNo);
        bodyBytes = 20;
      }
      unit.last = lineNo;
      unit.bytes += size;
      if (parsed.kind === 'item') {
        unit.items.push({ line: lineNo, text, json: JSON.stringify(parsed.item) });
        bodyBytes += size;
      } else if (parsed.kind === 'reject') unit.rejects.push({ line: lineNo, error: parsed.error, text });
    }
    if (!stop.requested && !failure && unit.last >= unit.first) await dispatch(unit);
    summary.interrupted = stop.requested;
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    lines.close();
    input.destroy();
    progress?.stop();
    closeSync(rejects);
  }
  if (!summary.interrupted) removeCheckpoint(args.file);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
