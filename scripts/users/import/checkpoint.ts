import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** The last line of which it and every line before it were answered (and their rejects written). */
export interface Checkpoint {
  line: number;
  /** The file it belongs to, so that a changed file is not resumed at a stale line. */
  size: number;
  mtimeMs: number;
}

export const checkpointPath = (file: string) => `${file}.checkpoint.json`;
export const rejectsPath = (file: string) => `${file}.rejects.ndjson`;

/** The checkpoint of an earlier run over this very file, if any. */
export function readCheckpoint(file: string): Checkpoint | undefined {
  const path = checkpointPath(file);
  if (!existsSync(path)) return undefined;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  const stat = statSync(file);
  if (saved.size !== stat.size || saved.mtimeMs !== stat.mtimeMs)
    throw new Error(`${path} belongs to another version of ${file}: pass --restart`);
  return saved;
}

/** Written beside the file and renamed into place, so a kill never leaves half a checkpoint. */
export function writeCheckpoint(file: string, line: number): void {
  const stat = statSync(file);
  const path = checkpointPath(file);
  writeFileSync(`${path}.tmp`, JSON.stringify({ line, size: stat.size, mtimeMs: stat.mtimeMs }));
  renameSync(`${path}.tmp`, path);
}

export function removeCheckpoint(file: string): void {
  rmSync(checkpointPath(file), { force: true });
}
