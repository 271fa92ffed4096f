import * as Y from 'yjs';
import { boardToJson, initBoardDoc, readMeta, type BoardJson } from '../lib/doc';
import { newBoardId, type BoardId } from '../lib/model';
import { issueTokens, type PlainTokens } from './auth/tokens';
import type { RoomRegistry } from './rooms/room-registry';
import { docFromStored, snapshotOf } from './rooms/stored-doc';
import type { Store } from './store/store';

/**
 * Board operations outside a live session, shared by the HTTP API and the Next pages:
 * creating a board and reading one.
 */

/**
 * Creates a board: its row, its three links and its initial document, in one store
 * transaction. `content` writes what the board starts with (the example board), in the same
 * first update. Returns the tokens in clear: this is the only moment they exist as such.
 */
export async function createBoard(
  store: Pick<Store, 'createBoard'>,
  title: string,
  now = Date.now(),
  content?: (doc: Y.Doc) => void,
): Promise<{ id: BoardId; tokens: PlainTokens }> {
  const id = newBoardId();
  const { tokens, stored } = issueTokens();
  const doc = new Y.Doc();
  let written: Promise<void>;
  try {
    initBoardDoc(doc, { title, createdAt: now });
    content?.(doc);
    // readMeta reads a missing version as 0, which no schema ever had: unknown.
    const docSchema = readMeta(doc).schemaVersion || null;
    written = store.createBoard(id, { createdAt: now, docSchema }, snapshotOf(doc), stored);
  } finally {
    // The snapshot is encoded: the document can go before the write is done.
    doc.destroy();
  }
  await written;
  return { id, tokens };
}

/**
 * The board as JSON: from its room when it is loaded (the freshest state), otherwise read
 * from the store into a throwaway document that is not kept in memory. Null when unknown.
 */
export function readBoardJson(
  id: BoardId,
  rooms: RoomRegistry,
  store: Pick<Store, 'loadLog'>,
): Promise<BoardJson | null> {
  return readBoardDoc(id, rooms, store, (doc) => boardToJson(id, doc));
}

/**
 * Reads a board's document with `read` (which must not keep it): the room's live document
 * when the board is loaded, else a throwaway one rebuilt from the store. Null when unknown.
 */
export async function readBoardDoc<T>(
  id: BoardId,
  rooms: RoomRegistry,
  store: Pick<Store, 'loadLog'>,
  read: (doc: Y.Doc) => T,
): Promise<T | null> {
  const room = rooms.get(id);
  if (room) return read(room.doc);
  const stored = await store.loadLog({ board: id });
  // Loaded meanwhile: its live document is fresher than what was read.
  const loaded = rooms.get(id);
  if (loaded) return read(loaded.doc);
  if (!stored) return null;
  const doc = docFromStored(id, stored);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
