/**
 * English strings of exporting and importing boards (components/export, the home page's
 * import control, the Markdown summary in lib/export). Spread into en.ts.
 */
export const exportEn = {
  // The Export menu in the board's top bar
  'export.button': 'Export',
  'export.menu': 'Export this board',
  'export.png': 'Image (PNG)',
  'export.pdf': 'PDF document',
  'export.json': 'Board file (JSON, to import again)',
  'export.csv': 'Notes as a spreadsheet (CSV)',
  'export.markdown': 'Summary (Markdown)',
  'export.working': 'Preparing the file…',
  'export.failed': 'Could not export the board. Please try again.',

  // The Markdown summary
  'export.md.noNotes': 'No notes.',
  'export.md.labels': 'Labels',
  'export.md.cost': '{amount} ({period})',

  // Import on the home page
  'import.heading': 'Import a board (JSON)',
  'import.hint': 'A board file exported from Lienzo becomes a new board, with you as facilitator.',
  'import.choose': 'Choose a board file…',
  'import.working': 'Importing…',
  'import.failed': 'This file cannot be imported; no board was created.',
  'import.more.one': '…and {count} more problem.',
  'import.more.other': '…and {count} more problems.',
  'import.problem.notJson': 'The file is not JSON.',
  'import.problem.notBoardFile': 'This is not a Lienzo board file.',
  'import.problem.newerVersion':
    'The file was made by a newer version of Lienzo than this server. ({detail})',
  'import.problem.missing': '{at}: missing. ({detail})',
  'import.problem.invalid': '{at}: not a valid value. ({detail})',
  'import.problem.unknownField': '{at}: a field Lienzo does not know.',
  'import.problem.duplicateId': '{at}: the same id appears twice. ({detail})',
  'import.problem.linkTarget': '{at}: links to a note that is not in the file. ({detail})',
  'import.problem.tooMany': '{at}: too many. ({detail})',
  'import.problem.tooLarge': 'The file is too large to import. ({detail})',
} as const;
