import type * as Y from 'yjs';
import { revealPrivateNotes, type RevealResult } from '../../lib/doc';
import type { BoardId } from '../../lib/model';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/room-registry';
import { privateRoomId, type PrivateStore } from './private-store';

export interface PrivateWritingOptions {
  rooms: RoomRegistry;
  privateRooms: RoomRegistry;
  privateStore: PrivateStore;
}

/**
 * The facilitator's reveal: loads the board and every private draft written on it (whether
 * or not their writers are connected), moves the drafts' notes onto the board and ends
 * private writing. Each room stores its change before relaying it, as for any participant's
 * update; rooms loaded only for this are unloaded again. Returns how many notes appeared,
 * and how many stayed in their drafts because their block is locked (revealPrivateNotes).
 */
export function revealBoard(board: BoardId, options: PrivateWritingOptions): RevealResult {
  const { rooms, privateRooms, privateStore } = options;
  const loaded: { registry: RoomRegistry; room: Room }[] = [];
  const acquire = (registry: RoomRegistry, id: string): Y.Doc => {
    const room = registry.acquire(id as BoardId);
    loaded.push({ registry, room });
    return room.doc;
  };
  try {
    const boardDoc = acquire(rooms, board);
    const drafts = privateStore
      .writersOf(board)
      .map((writer) => acquire(privateRooms, privateRoomId(board, writer)));
    return revealPrivateNotes(boardDoc, drafts);
  } finally {
    for (const { registry, room } of loaded) registry.release(room);
  }
}
