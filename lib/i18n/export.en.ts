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
  // A problem of an imported file: {at} is where (a path of JSON keys), {value} what was found
  // (JSON), {expected} one of the import.expected.* phrases below.
  'import.problem.notJson': 'The file is not JSON.',
  'import.problem.notBoardFile':
    'This is not a Lienzo board file (its "format" must be "lienzo-board").',
  'import.problem.newerVersion':
    'The file has format version {value}, newer than this server reads (up to version {max}).',
  'import.problem.missing': '{at}: missing; it must be {expected}.',
  'import.problem.invalid': '{at}: {value} is not valid; it must be {expected}.',
  'import.problem.unknownField': '{at}: a field Lienzo does not know.',
  'import.problem.duplicateId': '{at}: {value} appears twice.',
  'import.problem.linkTarget': '{at}: {value} is not a note of this file.',
  'import.problem.tooMany': '{at}: too many; it may hold {expected}.',
  'import.problem.tooLarge': 'The file is larger than {max} MiB, the most a board file may be.',
  'import.expected.object': 'an object',
  'import.expected.list': 'a list',
  'import.expected.noteIds': 'a list of note ids',
  'import.expected.links': '{ "channels": [...], "segments": [...] }',
  'import.expected.number': 'a finite number',
  'import.expected.wholeNumber': 'a whole number from {min}',
  'import.expected.text': 'text',
  'import.expected.boolean': 'true or false',
  'import.expected.block': 'one of the nine block ids',
  'import.expected.color': 'a palette colour name',
  'import.expected.noteId': 'a note id (note_ and 16 letters, digits, _ or -)',
  'import.expected.commentId': 'a comment id (cmt_ and 16 letters, digits, _ or -)',
  'import.expected.label': 'a value this label allows',
  'import.expected.size': 'a number from {min} to {max}',
  'import.expected.onCanvas': 'a position on the canvas (give or take a note’s size)',
  'import.expected.shortText': 'text of at most {max} characters',
  'import.expected.shortTextOrNull': 'null, or text of at most {max} characters',
  'import.expected.commentText': 'text of {min} to {max} characters, with no space at either end',
  'import.expected.nullUnlessResolved': 'null while the thread is not resolved',
  'import.expected.richText': '{ "type": "doc", "content": [...] }',
  'import.expected.nodeType': 'a kind of node the note editor knows',
  'import.expected.markType': 'a kind of mark the note editor knows',
  'import.expected.safeLink': 'an http, https or mailto address',
  'import.expected.nonEmptyText': 'text that is not empty',
  'import.expected.attrName': 'an attribute name (a letter, then letters, digits, _ or -)',
  'import.expected.attrValue': 'text, a number, true, false or null',
  'import.expected.maxLinks': 'at most {max} links',
  'import.expected.maxNotes': 'at most {max} notes',
  'import.expected.maxComments': 'at most {max} comments',
  'import.expected.maxNodes': 'at most {max} nodes',
  'import.expected.maxChars': 'at most {max} characters',
  'import.expected.maxDepth': 'at most {max} levels of nesting',
  'import.expected.maxAttrs': 'at most {max} attributes',
} as const;
