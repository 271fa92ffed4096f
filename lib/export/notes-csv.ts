import Papa from 'papaparse';
import { LINK_KINDS, RELATIONSHIP_FIELDS, type NoteId, type NoteRecord } from '../model';
import { noteTitle } from '../insights/format';
import { NOTE_FIELDS } from './format';

/**
 * The notes as CSV (RFC 4180, through Papa Parse): one row per note, in drawing order, every
 * stored field and label, and each link kind twice, as the linked notes' first lines (for
 * people) and as their ids (for tools). Columns have stable English ids whatever the
 * interface language, so a spreadsheet or script built on one export works on the next; label
 * values are the stored ids (docs/SCHEMA.md), `createdAt` is ISO 8601 in UTC.
 *
 * A cell that could start a formula gets a leading apostrophe (OWASP's advice), so a
 * spreadsheet shows it as text instead of running it (CSV injection); see FORMULA_START.
 */

export const CSV_COLUMNS = [
  'id',
  'text',
  ...NOTE_FIELDS,
  ...RELATIONSHIP_FIELDS,
  ...LINK_KINDS.flatMap((kind) => [kind, `${kind}Ids`]),
] as const;

/**
 * Cells a spreadsheet would read as a formula: a leading tab or carriage return, or a first
 * non-space character (`\s` covers tabs, line breaks, no-break and ideographic spaces, which
 * spreadsheets skip) that is = + - @, in ASCII, full-width (＝ ＋ － ＠, which some
 * spreadsheets read as their ASCII forms) or small form variants (﹦ ﹢ ﹣ ﹫). Papa Parse's
 * own pattern ends in `.*$`, which misses a cell with a line break after the formula, so ours
 * looks at the start only.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/;

/** Separates linked notes in one cell; note titles are single lines, so it cannot be confused. */
const LINK_SEPARATOR = '\n';

export function notesToCsv(notes: readonly NoteRecord[]): string {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const titleOf = (id: NoteId) => noteTitle(byId.get(id)?.text ?? '', Infinity);
  const rows = notes.map((note) => {
    const row: Record<string, unknown> = { id: note.id, text: note.text };
    for (const field of NOTE_FIELDS) row[field] = note[field];
    row.createdAt = new Date(note.createdAt).toISOString();
    for (const field of RELATIONSHIP_FIELDS) row[field] = note.relationship[field] ?? '';
    for (const kind of LINK_KINDS) {
      row[kind] = note.links[kind].map(titleOf).join(LINK_SEPARATOR);
      row[`${kind}Ids`] = note.links[kind].join(' ');
    }
    return CSV_COLUMNS.map((column) => row[column]);
  });
  return Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
