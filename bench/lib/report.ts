/** The shape every section returns, and the helpers that print it. */

/** One target of the issue, measured. */
export interface Check {
  section: string;
  what: string;
  measured: string;
  target: string;
  pass: boolean;
}

export interface SectionResult {
  id: string;
  title: string;
  headers: string[];
  rows: string[][];
  /** Lines printed under the table: method, caveats, diagnostics. */
  notes: string[];
  checks: Check[];
  /** Raw figures for bench/results/latest.json. */
  data: unknown;
}

const KiB = 1024;
const MiB = 1024 * KiB;

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const size = Math.abs(bytes);
  if (size >= MiB) return `${sign}${(size / MiB).toFixed(2)} MiB`;
  if (size >= KiB) return `${sign}${(size / KiB).toFixed(1)} KiB`;
  return `${sign}${size.toFixed(0)} B`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

/** A number with an optional unit: "1,000", "2.40 ms", "3.08x", "282.7 KiB". */
const NUMBER_CELL = /^-?[\d,.]+ ?(ms|s|B|KiB|MiB|x)?$/;

/** A plain-text table: columns of numbers right-aligned, every other column left-aligned. */
export function formatTable(headers: readonly string[], rows: readonly string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = headers.map((_header, column) =>
    rows.every((row) => NUMBER_CELL.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function formatSection(section: SectionResult): string {
  const heading = `== ${section.title} ==`;
  const notes = section.notes.map((note) => `  ${note}`);
  return [heading, formatTable(section.headers, section.rows), ...notes].join('\n');
}
