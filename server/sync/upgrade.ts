import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SCHEMA_VERSION_PARAM, canEdit, isBoardId } from '../../lib/model';
import { isPrivateSecret, privateRoomId, writerDigest } from '../private/private-store';
import { privateWriterFromRequest } from '../auth/request-token';
import type { Access, BoardAccess } from '../auth/board-access';
import { tokenFromRequest } from '../auth/request-token';
import type { QuotaRefusal } from '../http/quotas';
import { requestPath } from '../http/request-path';
import { childLogger, errorMessage, type Logger } from '../log';
import { isOriginAllowed } from './origin';
import { rejectUpgrade } from './reject-upgrade';
import type { SyncServer } from './sync-server';

/** The sync endpoint: y-websocket appends the room name, so clients open /sync/<boardId>. */
export const SYNC_PATH = '/sync';

export function isSyncPath(pathname: string): boolean {
  return pathname === SYNC_PATH || pathname.startsWith(`${SYNC_PATH}/`);
}

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeOptions {
  sync: SyncServer;
  access: BoardAccess;
  allowedOrigins: readonly string[];
  logger: Logger;
  /** Upgrades outside /sync (Next's hot reload in development). */
  handleAppUpgrade?: UpgradeHandler;
  /** Counts a sync socket against its address's quota: null, or the 429 to answer. */
  admitSocket?: (request: IncomingMessage) => QuotaRefusal | null;
}

/** A declared schema version: a small positive integer, written plainly (no sign, no zeros). */
const SCHEMA_VERSION_FORMAT = /^[1-9][0-9]{0,3}$/;

/**
 * The document schema version a sync request declares (`?v=`, Lienzo's own client), undefined
 * when it declares none (a stock client), or null when the value is malformed.
 */
export function declaredSchemaVersion(request: IncomingMessage): number | undefined | null {
  let value: string | null;
  try {
    value = new URL(request.url ?? '/', 'http://x').searchParams.get(SCHEMA_VERSION_PARAM);
  } catch {
    return undefined; // a target that is not a URL was refused before this
  }
  if (value === null) return undefined;
  return SCHEMA_VERSION_FORMAT.test(value) ? Number(value) : null;
}

/**
 * The HTTP upgrade handler: checks, in order, the path, the Origin, the board id's format,
 * the declared schema version's format (`?v=`), the board's existence and the link's token
 * (`?t=<token>`, or a Bearer header for clients that can set one), and only then hands the
 * socket to the sync server with the role the token grants and the version declared. Boards are created by the API only; connecting never creates one.
 */
export function createUpgradeHandler(options: UpgradeOptions): UpgradeHandler {
  const { sync, access, allowedOrigins, logger, handleAppUpgrade, admitSocket } = options;
  return (request, socket, head) => {
    handle(request, socket, head).catch((error: unknown) => {
      logger.error('upgrade failed', errorMessage(error));
      rejectUpgrade(socket, 500, 'internal error');
    });
  };

  async function handle(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const pathname = requestPath(request.url);
    if (pathname === null) {
      rejectUpgrade(socket, 400, 'bad request target');
      return;
    }
    if (!isSyncPath(pathname)) {
      if (handleAppUpgrade) handleAppUpgrade(request, socket, head);
      else rejectUpgrade(socket, 404, 'no WebSocket endpoint here');
      return;
    }
    // Before any other check: refused attempts (a token guessed) count too.
    const overQuota = admitSocket?.(request);
    if (overQuota) {
      rejectUpgrade(socket, 429, overQuota.error, {
        'Retry-After': String(overQuota.retryAfterSeconds),
      });
      return;
    }
    if (!isOriginAllowed(request.headers.origin, request.headers.host, allowedOrigins)) {
      rejectUpgrade(socket, 403, 'origin not allowed');
      return;
    }
    // requestPath drops the query, so `?t=` never reaches the id.
    const boardId = pathname.slice(SYNC_PATH.length + 1);
    if (!isBoardId(boardId)) {
      rejectUpgrade(socket, 400, 'malformed board id');
      return;
    }
    const schemaVersion = declaredSchemaVersion(request);
    if (schemaVersion === null) {
      rejectUpgrade(socket, 400, 'malformed schema version');
      return;
    }
    let checked: Access;
    try {
      checked = await access.check(boardId, tokenFromRequest(request));
    } catch (error) {
      childLogger(logger, { board: boardId }).error(
        'store failed during an upgrade',
        errorMessage(error),
      );
      rejectUpgrade(socket, 503, 'store unavailable');
      return;
    }
    if (!checked.ok) {
      if (checked.reason === 'no-board') rejectUpgrade(socket, 404, 'no such board');
      else rejectUpgrade(socket, 403, 'this board needs a valid link (token)');
      return;
    }
    const token = tokenFromRequest(request);
    const { role } = checked;
    const stillGranted = async () => {
      const again = await access.check(boardId, token);
      return again.ok && again.role === role;
    };
    const writer = privateWriterFromRequest(request);
    // Private writing (?w=<secret>): only people who may write have private notes.
    if (writer !== null && (!isPrivateSecret(writer) || !canEdit(role))) {
      rejectUpgrade(socket, 403, 'private writing needs an editor link and a valid writer key');
      return;
    }
    const draft =
      writer === null ? undefined : privateRoomId(boardId, writerDigest(boardId, writer));
    await sync.accept(request, socket, head, boardId, role, stillGranted, draft, schemaVersion);
  }
}
