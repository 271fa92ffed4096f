import type { IncomingMessage, ServerResponse } from 'node:http';
import { Buffer } from 'node:buffer';
import type { BoardId, Role } from '../../lib/model';
import { MAX_JSON_BODY_BYTES, readJsonBody, sendError, sendJson } from '../http/json';
import type { BoardHistory } from './board-history';
import { cleanSnapshotName } from './snapshot-name';
import { isSnapshotId } from './snapshot-store';

/**
 * The version-history routes (documented with the others in server/http/api.ts):
 *
 *   GET  /api/boards/<id>/snapshots        → 200 { snapshots: SnapshotMeta[] }, newest first
 *   POST /api/boards/<id>/snapshots { name } → 201 SnapshotMeta          (editor, facilitator)
 *   GET  /api/boards/<id>/snapshots/<sid>  → 200 SnapshotMeta & { state }: the document in
 *                                            Yjs update format v2, base64
 */
const SNAPSHOTS_PATH = /^\/api\/boards\/([^/]+)\/snapshots(?:\/([^/]+))?$/;

export interface SnapshotPath {
  boardId: string;
  /** Present for one version's route. */
  snapshotId?: string;
}

export function matchSnapshotPath(pathname: string): SnapshotPath | null {
  const match = SNAPSHOTS_PATH.exec(pathname);
  if (!match?.[1]) return null;
  return { boardId: match[1], snapshotId: match[2] };
}

/** The methods a snapshot route answers. */
export function snapshotMethods(path: SnapshotPath): string[] {
  return path.snapshotId === undefined ? ['GET', 'POST'] : ['GET'];
}

/** Serves a snapshot route once the caller's method and token were checked. */
export async function serveSnapshots(
  req: IncomingMessage,
  res: ServerResponse,
  path: SnapshotPath & { boardId: BoardId; role: Role },
  history: BoardHistory,
): Promise<void> {
  const { boardId, snapshotId, role } = path;
  if (snapshotId !== undefined) {
    const snapshot = isSnapshotId(snapshotId) ? await history.get(boardId, snapshotId) : null;
    if (!isSnapshotId(snapshotId)) sendError(res, 400, 'malformed snapshot id');
    else if (!snapshot) sendError(res, 404, 'no such snapshot');
    else sendJson(res, 200, { ...snapshot, state: Buffer.from(snapshot.state).toString('base64') });
    return;
  }
  if (req.method === 'GET') {
    sendJson(res, 200, { snapshots: await history.list(boardId) });
    return;
  }
  // Viewers cannot change the board, and saving a version is a change to its history.
  if (role === 'viewer') {
    sendError(res, 403, 'a viewer link cannot save versions');
    return;
  }
  const body = await readJsonBody(req, MAX_JSON_BODY_BYTES);
  if (!body.ok) {
    sendError(res, body.status, body.error, body.status === 413 ? { Connection: 'close' } : {});
    return;
  }
  const name = cleanSnapshotName((body.value as { name?: unknown } | null)?.name);
  if (!name.ok) {
    sendError(res, 400, name.error);
    return;
  }
  const meta = await history.save(boardId, name.name);
  if (meta) sendJson(res, 201, meta);
  else sendError(res, 404, 'no such board');
}
