import type { ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { readBoard } from '../../lib/doc';
import {
  boardToFile,
  boardToMarkdown,
  describeIssue,
  exportFileName,
  importIssue,
  notesToCsv,
  parseBoardFile,
  writeBoardFile,
  type ExportKind,
  type ImportIssue,
} from '../../lib/export';
import { isLocale, type Locale } from '../../lib/i18n/locale';
import { cleanTitle, type BoardId } from '../../lib/model';
import type { PlainTokens } from '../auth/tokens';
import { createBoard, readBoardDoc } from '../boards';
import type { RoomRegistry } from '../rooms/room-registry';
import type { Store } from '../store/store';
import { sendError, sendJson, type TimelyBody } from './json';

/**
 * Board files over HTTP (lib/export): importing a board file as a new board, and exporting a
 * board as a board file (JSON), CSV or a Markdown summary. The API routes are in api.ts.
 */

/**
 * Largest import body: a 2,000-note board file (two lines of text and six labels a note) is
 * 2.3 MB as exported, indented; this leaves room for boards several times that. Only the
 * import route reads this much; every other route keeps MAX_JSON_BODY_BYTES (64 KiB).
 */
export const MAX_IMPORT_BODY_BYTES = 16 * 1024 * 1024;
const BYTES_PER_MIB = 1024 * 1024;

export type ImportOutcome =
  | { readonly ok: true; readonly id: BoardId; readonly tokens: PlainTokens }
  | {
      readonly ok: false;
      readonly status: 400 | 413 | 415;
      readonly error: string;
      readonly issues: readonly ImportIssue[];
      readonly count: number;
    };

function refused(
  status: 400 | 413 | 415,
  issues: readonly ImportIssue[],
  count: number,
  reason?: string,
) {
  const first = reason ?? (issues[0] ? describeIssue(issues[0]) : 'invalid board file');
  const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
  return { ok: false as const, status, error: `${first}${more}`, issues, count };
}

/**
 * Imports the body of POST /api/boards/import: a board file, checked by parseBoardFile; on
 * success a new board (its own id and links) holding exactly the file's notes, written in
 * the board's first stored update; otherwise nothing is created.
 */
export async function importBoardFile(
  body: TimelyBody,
  store: Pick<Store, 'createBoard'>,
): Promise<ImportOutcome> {
  if (!body.ok) {
    const issue =
      body.status === 413
        ? importIssue('', 'tooLarge', { max: MAX_IMPORT_BODY_BYTES / BYTES_PER_MIB })
        : importIssue('', 'notJson');
    // The body reader's own words (e.g. "must be application/json") stay in `error` for API users.
    return refused(body.status, [issue], 1, body.error);
  }
  const parsed = parseBoardFile(body.value);
  if (!parsed.ok) return refused(400, parsed.issues, parsed.count);
  const { file } = parsed;
  const title = cleanTitle(file.title);
  const { id, tokens } = await createBoard(
    store,
    title.ok ? title.title : '',
    Date.now(),
    (doc: Y.Doc) => writeBoardFile(doc, file),
  );
  return { ok: true, id, tokens };
}

export function sendImportRefusal(res: ServerResponse, outcome: ImportOutcome): void {
  if (outcome.ok) return;
  const { status, error, issues, count } = outcome;
  // After 413 the rest of the body is unread: close rather than parse it as a next request.
  const headers: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
  sendJson(res, status, { error, issues, count }, headers);
}

const EXPORT_FORMATS = ['json', 'csv', 'md'] as const satisfies readonly ExportKind[];
type ServerExport = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Readonly<Record<ServerExport, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

function isServerExport(value: unknown): value is ServerExport {
  return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

function render(format: ServerExport, id: BoardId, doc: Y.Doc, locale: Locale) {
  if (format === 'json') {
    const file = boardToFile(doc, id);
    return { title: file.title, body: `${JSON.stringify(file, null, 2)}\n` };
  }
  const snapshot = readBoard(doc);
  const body = format === 'csv' ? notesToCsv(snapshot.ordered) : boardToMarkdown(snapshot, locale);
  return { title: snapshot.meta.title, body };
}

/**
 * GET /api/boards/<id>/export?format=json|csv|md&locale=en|es: the board as a download, for
 * any role (a viewer may keep a copy of what they can see). `locale` is the Markdown's
 * language; CSV columns are stable English ids whatever it is.
 */
export async function exportBoard(
  res: ServerResponse,
  url: URL,
  id: BoardId,
  rooms: RoomRegistry,
  store: Pick<Store, 'loadLog'>,
): Promise<void> {
  const format = url.searchParams.get('format') ?? 'json';
  const locale = url.searchParams.get('locale') ?? 'en';
  if (!isServerExport(format)) return sendError(res, 400, "format must be 'json', 'csv' or 'md'");
  if (!isLocale(locale)) return sendError(res, 400, "locale must be 'en' or 'es'");
  const out = await readBoardDoc(id, rooms, store, (doc) => render(format, id, doc, locale));
  if (!out) return sendError(res, 404, 'no such board');
  // A BOM lets spreadsheet programs read the CSV's accents as UTF-8.
  const body = format === 'csv' ? `\ufeff${out.body}` : out.body;
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Length': Buffer.byteLength(body),
    'Content-Disposition': `attachment; filename="${exportFileName(out.title, format)}"`,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
