/**
 * The home page's one call to the HTTP API: POST /api/boards with a title, answered by
 * `201 {id, url, links}` (url: the facilitator link, with its token) or an error `{error}`. Failures come back as a reason the page can
 * translate; the server's English error text is only used to recognise a too-long title.
 * The fetch function is passed in so tests need no server.
 */
import type { Locale } from '@/lib/i18n/locale';
import { isBoardId, type BoardId } from '@/lib/model/ids';

export const BOARDS_ENDPOINT = '/api/boards';

/** Why a board could not be created, as the interface explains it. */
export type CreateBoardFailure = 'unreachable' | 'titleTooLong' | 'failed';

export type CreateBoardResult =
  | {
      readonly ok: true;
      readonly id: BoardId;
      /** The facilitator link as a path on this origin: /b/<id>?t=<token>. */
      readonly path: string;
    }
  | { readonly ok: false; readonly reason: CreateBoardFailure };

/** lib/model cleanTitle's message: "title must be at most 120 characters". */
const TITLE_TOO_LONG = /\btitle\b.*\b(at most|too long)\b/i;
const GATEWAY_STATUSES = new Set([502, 503, 504]); // a proxy answered for a server that is down

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function errorText(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error } = body as Record<string, unknown>;
  return typeof error === 'string' ? error : '';
}

/** A blank board with a title, or the example board in a language. */
export type CreateBoardRequest =
  { readonly title: string } | { readonly example: true; readonly locale: Locale };

export async function createBoard(
  request: CreateBoardRequest | string,
  fetchImpl: typeof fetch = fetch,
): Promise<CreateBoardResult> {
  const payload = typeof request === 'string' ? { title: request } : request;
  let response: Response;
  try {
    response = await fetchImpl(BOARDS_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const body = await readJson(response);
  if (response.ok) {
    const { id, url } = (body ?? {}) as { id?: unknown; url?: unknown };
    const path = typeof url === 'string' ? boardLinkPath(url) : null;
    return isBoardId(id) && path?.startsWith(`/b/${id}?`)
      ? { ok: true, id, path }
      : { ok: false, reason: 'failed' };
  }
  if (GATEWAY_STATUSES.has(response.status)) return { ok: false, reason: 'unreachable' };
  if (response.status === 400 && TITLE_TOO_LONG.test(errorText(body))) {
    return { ok: false, reason: 'titleTooLong' };
  }
  return { ok: false, reason: 'failed' };
}

/** The path and query of a board link, so the app stays on the origin it was opened from. */
function boardLinkPath(url: string): string | null {
  try {
    const parsed = new URL(url, 'http://localhost');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return null;
  }
}
