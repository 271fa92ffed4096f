import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVER_TIME_HEADER } from '../../lib/sync/server-clock';
import type { TLSSocket } from 'node:tls';
import type * as Y from 'yjs';
import { exampleTitle, writeExampleBoard } from '../../lib/examples/example-board';
import { isLocale } from '../../lib/i18n/locale';
import { cleanTitle, isBoardId, isSharedRole, type BoardId, type Role } from '../../lib/model';
import { linksFor, type BoardAccess } from '../auth/board-access';
import { tokenFromRequest } from '../auth/request-token';
import type { PlainTokens } from '../auth/tokens';
import { createBoard, readBoardJson } from '../boards';
import type { BoardHistory } from '../history/board-history';
import { revealBoard, type PrivateWritingOptions } from '../private/private-writing';
import { matchSnapshotPath, serveSnapshots, snapshotMethods } from '../history/snapshot-routes';
import { childLogger, errorMessage, type Logger } from '../log';
import type { RoomRegistry } from '../rooms/room-registry';
import type { ProcessHealthCheck } from '../observability/process-health';
import type { Store } from '../store/store';
import {
  MAX_IMPORT_BODY_BYTES,
  exportBoard,
  importBoardFile,
  sendImportRefusal,
} from './board-files';
import { requestPath } from './request-path';
import {
  MAX_JSON_BODY_BYTES,
  allowMethods,
  readJsonBody,
  sendBodyRefusal,
  sendError,
  sendJson,
} from './json';
import type { ClientQuotas, QuotaKind } from './quotas';

/**
 * The HTTP API, served by our own server rather than Next route handlers because it shares
 * the room registry and the store with the sync server (a GET of a board being edited
 * answers from the live document), and so it can be tested without building Next.
 *
 *   POST /api/boards          { title?, example?, locale? }
 *                             → 201 { id, url, links: { facilitator, editor, viewer } }
 *                             example: true starts from the example board, in `locale`
 *                             ('en' or 'es', default 'en'); its title unless one is given.
 *                             `url` is the facilitator link (kept for older clients).
 *   GET  /api/boards/<id>                 → 200 BoardJson | 400 | 403 | 404   (any role)
 *   GET  /api/boards/<id>/links           → 200 { role, links }              (facilitator)
 *   POST /api/boards/<id>/links { role: 'editor' | 'viewer' }
 *                             → 200 { role, url, links }: that link regenerated; everyone
 *                             connected with the old one is disconnected  (facilitator)
 *   GET  /api/boards/<id>/snapshots       → 200 { snapshots: [{ id, name, kind, createdAt }] }
 *                             newest first; kind 'manual' | 'auto-session-end' | 'auto-interval'
 *                             (any role)
 *   POST /api/boards/<id>/snapshots { name } → 201 { id, name, kind, createdAt }: a version of
 *                             the board as it is now                 (editor, facilitator)
 *   GET  /api/boards/<id>/snapshots/<sid> → 200 { id, name, kind, createdAt, state }: `state`
 *                             is the whole document, Yjs update format v2, base64 (any role)
 *                             (server/history/snapshot-routes.ts)
 *   POST /api/boards/import   <board file> (lib/export/FORMAT.md, up to 16 MiB)
 *                             → 201 { id, url, links } like a new board, holding the file's
 *                             notes | 400/413/415 { error, issues: [{ at, problem, detail }],
 *                             count }: nothing is created
 *   GET  /api/boards/<id>/export?format=json|csv|md&locale=en|es
 *                             → 200 the board as a download: board file, CSV of notes or
 *                             Markdown summary in `locale`                     (any role)
 *   GET  /api/health                      → 200 { ok: true } | 503 { ok: false, error, reason }:
 *                             the store cannot write now (reason: the engine's words)
 *
 * Creating and importing boards are limited per client address (quotas.ts): past the limit,
 * 429 { error } with Retry-After (seconds). A body that has not arrived by the request
 * timeout is 408.
 *
 * Board routes take the token as `?t=<token>` or `Authorization: Bearer <token>`.
 */
export const API_PREFIX = '/api/';

export interface ApiOptions {
  store: Store;
  /** Whether the store can write (a real write, at most once a second). */
  health: Pick<ProcessHealthCheck, 'check'>;
  rooms: RoomRegistry;
  access: BoardAccess;
  logger: Logger;
  /** A link was regenerated: whoever joined with the old one (`replaced`) must be cut off. */
  onLinkRevoked(id: BoardId, role: Role, replaced: string): void;
  /** Version history (the snapshot routes); without it those routes are 404. */
  history?: BoardHistory;
  /** Private writing's drafts (the reveal route); without it that route is 404. */
  privateWriting?: PrivateWritingOptions;
  /** Per-address limits on creating and importing boards. */
  quotas: ClientQuotas;
}

const BOARD_PATH = /^\/api\/boards\/([^/]+)(\/links|\/export|\/reveal)?$/;
const IMPORT_PATH = '/api/boards/import';

export function createApiHandler(
  options: ApiOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((error: unknown) => {
      // The path, never the query: `?t=` is a board's token.
      options.logger.error(`${req.method} ${requestPath(req.url) ?? '(bad target)'} failed`, error);
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, options: ApiOptions) {
  const pathname = requestPath(req.url) ?? '';
  if (pathname === '/api/health') {
    if (allowMethods(req, res, ['GET', 'HEAD'])) await health(res, options.health);
    return;
  }
  if (pathname === '/api/boards') {
    if (allowMethods(req, res, ['POST']) && withinQuota(req, res, 'boards', options))
      await postBoard(req, res, options);
    return;
  }
  const versions = options.history ? matchSnapshotPath(pathname) : null;
  if (versions && options.history) {
    if (!allowMethods(req, res, snapshotMethods(versions))) return;
    const role = await authorize(req, res, versions.boardId, options);
    if (role !== null)
      await serveSnapshots(
        req,
        res,
        { ...versions, boardId: versions.boardId as BoardId, role },
        options.history,
      );
    return;
  }
  if (pathname === IMPORT_PATH) {
    if (allowMethods(req, res, ['POST']) && withinQuota(req, res, 'imports', options))
      await importBoard(req, res, options.store);
    return;
  }
  const boardPath = BOARD_PATH.exec(pathname);
  const id = boardPath?.[1];
  if (id === undefined) {
    sendError(res, 404, 'no such API route');
    return;
  }
  const isLinks = boardPath?.[2] === '/links';
  const isReveal = boardPath?.[2] === '/reveal';
  if (isReveal && !options.privateWriting) {
    sendError(res, 404, 'no such API route');
    return;
  }
  const methods = isReveal ? ['POST'] : isLinks ? ['GET', 'POST'] : ['GET', 'HEAD'];
  if (!allowMethods(req, res, methods)) return;
  const role = await authorize(req, res, id, options);
  if (role === null) return;
  const boardId = id as BoardId; // authorize checked its format
  if (isReveal) {
    if (role !== 'facilitator') sendError(res, 403, 'only the facilitator link can do this');
    else sendJson(res, 200, await revealBoard(boardId, options.privateWriting!));
  } else if (boardPath?.[2] === '/export')
    await exportBoard(
      res,
      new URL(req.url ?? '', 'http://x'),
      boardId,
      options.rooms,
      options.store,
    );
  else if (!isLinks) await getBoard(res, boardId, options);
  else if (role !== 'facilitator') sendError(res, 403, 'only the facilitator link can do this');
  else if (req.method === 'GET') await getLinks(req, res, boardId, options);
  else await regenerateLink(req, res, boardId, options);
}

/** Counts the request against its address's quota; answers 429 itself when over it. */
function withinQuota(
  req: IncomingMessage,
  res: ServerResponse,
  kind: QuotaKind,
  options: ApiOptions,
): boolean {
  const refusal = options.quotas.take(kind, req);
  if (!refusal) return true;
  // The body is left unread: close rather than parse it as a next request.
  sendError(res, 429, refusal.error, {
    'Retry-After': String(refusal.retryAfterSeconds),
    Connection: 'close',
  });
  return false;
}

/**
 * Checks the board id and the request's token; answers the refusal itself and returns null,
 * or returns the caller's role. Unknown boards are 404 whatever the token: ids are random
 * 128-bit values, so saying one does not exist reveals nothing worth hiding.
 */
async function authorize(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  options: ApiOptions,
): Promise<Role | null> {
  if (!isBoardId(id)) {
    sendError(res, 400, 'malformed board id');
    return null;
  }
  const access = await options.access.check(id, tokenFromRequest(req));
  if (access.ok) return access.role;
  if (access.reason === 'no-board') sendError(res, 404, 'no such board');
  else sendError(res, 403, 'this board needs a valid link (token)');
  return null;
}

async function getLinks(
  req: IncomingMessage,
  res: ServerResponse,
  id: BoardId,
  options: ApiOptions,
) {
  const tokens = await options.access.recover(id, tokenFromRequest(req) ?? '');
  if (!tokens) {
    sendError(res, 403, 'only the facilitator link can do this');
    return;
  }
  sendJson(res, 200, { role: 'facilitator', links: linksFor(requestOrigin(req), id, tokens) });
}

async function regenerateLink(
  req: IncomingMessage,
  res: ServerResponse,
  id: BoardId,
  options: ApiOptions,
) {
  const body = await readJsonBody(req, MAX_JSON_BODY_BYTES);
  if (!body.ok) {
    sendBodyRefusal(res, body);
    return;
  }
  const role = (body.value as { role?: unknown } | null)?.role;
  if (!isSharedRole(role)) {
    sendError(res, 400, "role must be 'editor' or 'viewer'");
    return;
  }
  const regenerated = await options.access.regenerate(id, tokenFromRequest(req) ?? '', role);
  if (!regenerated) {
    sendError(res, 403, 'only the facilitator link can do this');
    return;
  }
  const { tokens } = regenerated;
  options.onLinkRevoked(id, role, regenerated.replaced);
  childLogger(options.logger, { board: id }).info(`board ${id}: ${role} link regenerated`);
  const links = linksFor(requestOrigin(req), id, tokens);
  sendJson(res, 200, { role, url: links[role], links });
}

async function health(res: ServerResponse, check: Pick<ProcessHealthCheck, 'check'>) {
  const health = await check.check();
  // The server's clock, shared by every browser's countdown (lib/sync/server-clock.ts).
  if (health.ok) sendJson(res, 200, { ok: true }, { [SERVER_TIME_HEADER]: String(Date.now()) });
  else
    sendJson(res, 503, {
      ok: false,
      error: `${health.dependency} unavailable`,
      reason: health.reason,
    });
}

/**
 * The app's own address as the client reached it. TLS is usually ended by a proxy in front
 * of us, and this server does not trust X-Forwarded-* headers it cannot verify, so behind
 * such a proxy the scheme is http unless the proxy rewrites it.
 */
function requestOrigin(req: IncomingMessage): string {
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return `${scheme}://${host}`;
}

async function postBoard(req: IncomingMessage, res: ServerResponse, options: ApiOptions) {
  const { store, logger } = options;
  const body = await readJsonBody(req, MAX_JSON_BODY_BYTES);
  if (!body.ok) {
    sendBodyRefusal(res, body);
    return;
  }
  const input = body.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    sendError(res, 400, 'the body must be a JSON object');
    return;
  }
  const { title: rawTitle, example, locale = 'en' } = input as Record<string, unknown>;
  if (example !== undefined && typeof example !== 'boolean') {
    sendError(res, 400, 'example must be true or false');
    return;
  }
  if (!isLocale(locale)) {
    sendError(res, 400, "locale must be 'en' or 'es'");
    return;
  }
  const title = cleanTitle(rawTitle ?? (example ? exampleTitle(locale) : undefined));
  if (!title.ok) {
    sendError(res, 400, title.error);
    return;
  }
  const content = example ? (doc: Y.Doc) => writeExampleBoard(doc, locale) : undefined;
  let created;
  try {
    created = await createBoard(store, title.title, Date.now(), content);
  } catch (error) {
    // Most often the disk is full or the database unreachable (the log says which; the
    // client is told only that, and may retry).
    logger.error('a new board could not be stored', errorMessage(error));
    sendError(res, 500, 'the board could not be stored: the server cannot write right now');
    return;
  }
  sendCreated(req, res, created.id, created.tokens);
}

/** 201 with a new board's links; `url` (and Location) is the facilitator's. */
function sendCreated(req: IncomingMessage, res: ServerResponse, id: BoardId, tokens: PlainTokens) {
  const links = linksFor(requestOrigin(req), id, tokens);
  sendJson(res, 201, { id, url: links.facilitator, links }, { Location: links.facilitator });
}

async function importBoard(req: IncomingMessage, res: ServerResponse, store: Store) {
  const body = await readJsonBody(req, MAX_IMPORT_BODY_BYTES);
  if (!body.ok && body.status === 408) {
    sendBodyRefusal(res, body);
    return;
  }
  const outcome = await importBoardFile(body, store);
  if (outcome.ok) sendCreated(req, res, outcome.id, outcome.tokens);
  else sendImportRefusal(res, outcome);
}

async function getBoard(res: ServerResponse, id: BoardId, options: ApiOptions): Promise<void> {
  let board;
  try {
    board = await readBoardJson(id, options.rooms, options.store);
  } catch (error) {
    childLogger(options.logger, { board: id }).error(
      `board ${id}: could not be read`,
      errorMessage(error),
    );
    sendError(res, 500, 'the board could not be read');
    return;
  }
  if (board) sendJson(res, 200, board);
  else sendError(res, 404, 'no such board');
}
