/** Number formatting and Markdown tables shared by the report files. */
export const fmt = (n: number | null | undefined, digits = 0) =>
  n !== null && n !== undefined && Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';

export function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** A benchmark target; `pass: null` is a figure reported for comparison, without a threshold. */
export interface Target {
  target: string;
  measured: string;
  pass: boolean | null;
}
