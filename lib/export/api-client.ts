/**
 * The browser's calls to the board-file routes of the HTTP API (server/http/board-files.ts):
 * downloading a server-made export, and importing a board file as a new board. The fetch
 * function is passed in so tests need no server.
 */
import type { Locale } from '../i18n/locale';
import { isBoardId, type BoardId } from '../model/ids';
import { isImportIssue, type ImportIssue } from './issues';

export const IMPORT_ENDPOINT = '/api/boards/import';

/** Exports the server writes from the stored board (PNG and PDF are drawn in the page). */
export type ServerExportFormat = 'json' | 'csv' | 'md';

export async function fetchExport(
  boardId: string,
  token: string,
  format: ServerExportFormat,
  locale: Locale,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  const query = new URLSearchParams({ format, locale });
  const response = await fetchImpl(`/api/boards/${encodeURIComponent(boardId)}/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  return response.blob();
}

export type ImportResult =
  | { readonly ok: true; readonly id: BoardId; readonly path: string }
  | {
      readonly ok: false;
      /** 'refused': the file has problems (listed); the others: try again later. */
      readonly reason: 'refused' | 'unreachable' | 'failed';
      readonly issues: readonly ImportIssue[];
      /** How many problems in all (issues lists the first ones). */
      readonly count: number;
    };

const failure = (reason: 'unreachable' | 'failed'): ImportResult => ({
  ok: false,
  reason,
  issues: [],
  count: 0,
});

/**
 * Posts a board file's text as it is: the server parses and checks it, so a file that is not
 * JSON gets the same clear answer as any other bad file. On success, the new board's
 * facilitator link as a path on this origin.
 */
export async function importBoardFile(
  text: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetchImpl(IMPORT_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: text,
    });
  } catch {
    return failure('unreachable');
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) {
    const { id, url } = body ?? {};
    if (!isBoardId(id) || typeof url !== 'string') return failure('failed');
    const link = new URL(url, 'http://localhost'); // only its path and query are kept
    return { ok: true, id, path: `${link.pathname}${link.search}` };
  }
  const issues = Array.isArray(body?.issues) ? body.issues.filter(isImportIssue) : [];
  if (issues.length === 0) return failure(response.status >= 500 ? 'unreachable' : 'failed');
  const count = typeof body?.count === 'number' ? body.count : issues.length;
  return { ok: false, reason: 'refused', issues, count };
}
