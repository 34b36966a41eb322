/** What a line of the input becomes: an item to send, or a reject written without sending it. */
export type ParsedLine =
  | { kind: 'item'; line: number; text: string; item: Record<string, unknown> }
  | { kind: 'reject'; line: number; text: string; error: ItemError }
  | { kind: 'blank' };

export interface ItemError {
  message: string;
  code: number;
  type: string;
}

/** The error of a line the service never saw (Appwrite's body shape, code 0: no HTTP status). */
const invalidLine = (message: string): ItemError => ({ message, code: 0, type: 'import_line_invalid' });

/** One line of the file (1-based `line`): blank lines are skipped, anything but a JSON object is rejected. */
export function parseLine(text: string, line: number): ParsedLine {
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'reject', line, text, error: invalidLine(`Not JSON: ${(error as Error).message}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'reject', line, text, error: invalidLine('Not a JSON object') };
  return { kind: 'item', line, text, item: value as Record<string, unknown> };
}

/** A line of FILE.rejects.ndjson; `conflict` (a 409's key) only when the service named one. */
export function rejectLine(line: number, error: ItemError, original: string, conflict?: string): string {
  return `${JSON.stringify(conflict ? { line, error, conflict, original } : { line, error, original })}\n`;
}

/** The service answers an existing id, email or phone so; a re-run or a resumed run meets these. */
export const ALREADY_EXISTS = 'user_already_exists';

/**
 * A line a re-run or a resumed run meets: its id is there already. A 409 for an email or phone another user
 * holds is a real reject. A service that does not name the key (older versions) is taken at its type.
 */
export function alreadyThere(result: { error?: ItemError; conflict?: string }): boolean {
  return result.error?.type === ALREADY_EXISTS && (result.conflict ?? 'id') === 'id';
}
