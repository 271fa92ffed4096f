import type * as Y from 'yjs';
import { revealPrivateNotes, type RevealResult } from '../../lib/doc';
import type { BoardId } from '../../lib/model';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/room-registry';
import type { Store } from '../store/store';
import { privateRoomId } from './private-store';

export interface PrivateWritingOptions {
  rooms: RoomRegistry;
  privateRooms: RoomRegistry;
  store: Pick<Store, 'draftWriters'>;
}

/**
 * The facilitator's reveal: loads the board and every private draft written on it (whether
 * or not their writers are connected), moves the drafts' notes onto the board and ends
 * private writing. Each room stores its change before relaying it, as for any participant's
 * update; rooms loaded only for this are unloaded again. Returns how many notes appeared,
 * and how many stayed in their drafts because their block is locked (revealPrivateNotes).
 */
export async function revealBoard(
  board: BoardId,
  options: PrivateWritingOptions,
): Promise<RevealResult> {
  const { rooms, privateRooms, store } = options;
  const loaded: { registry: RoomRegistry; room: Room }[] = [];
  const acquire = async (registry: RoomRegistry, id: string): Promise<Y.Doc> => {
    const room = await registry.acquire(id);
    loaded.push({ registry, room });
    return room.doc;
  };
  try {
    const boardDoc = await acquire(rooms, board);
    const drafts: Y.Doc[] = [];
    for (const writer of await store.draftWriters(board))
      drafts.push(await acquire(privateRooms, privateRoomId(board, writer)));
    return revealPrivateNotes(boardDoc, drafts);
  } finally {
    for (const { registry, room } of loaded) registry.release(room);
  }
}
