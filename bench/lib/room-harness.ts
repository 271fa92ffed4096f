/**
 * Our server's storage path, in this process: the real SQLite store and Room, with
 * clients that talk to the room through the server's own message handler (the frames a
 * socket would carry, parsed and checked as the server does), minus only the socket. The
 * store sections use it to write thousands of updates in seconds instead of minutes.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { BoardId } from '../../lib/model';
import type { Logger } from '../../server/log';
import { DEFAULT_COMPACTION, type CompactionPolicy } from '../../server/rooms/compaction';
import { Room, type Participant } from '../../server/rooms/room';
import type { RoomStore } from '../../server/rooms/room';
import { MESSAGE, SYNC, encodeSyncUpdate } from '../../server/sync/messages';
import { handleMessage } from '../../server/sync/protocol';

/** Origin of what a harness client applies from the room, so it is not sent back. */
const FROM_ROOM = Symbol('bench:from-room');

/** A logger that fails the bench on any problem the server reports. */
export const strictLogger: Logger = {
  info: () => {},
  warn: (message) => {
    throw new Error(`server warned: ${message}`);
  },
  error: (message) => {
    throw new Error(`server error: ${message}`);
  },
};

export function loadRoom(
  store: RoomStore,
  id: BoardId,
  compaction: CompactionPolicy = DEFAULT_COMPACTION,
): Promise<Room> {
  return Room.load(id, {
    store,
    log: { board: id },
    recordsSchema: true,
    compaction,
    logger: strictLogger,
    onEmpty: () => {},
  });
}

/** A policy under which any update since the last snapshot is due for compaction. */
const COMPACT_ANY_LOG: CompactionPolicy = { maxUpdates: 1, maxBytes: 1, quietMs: 0 };

/**
 * Compacts the board's log through the server's own code: a room compacts a log that is due
 * when it builds its document, and under this policy any log with an update is. (Room's
 * snapshot writer is private; going through it keeps this bench right if the snapshot
 * format changes.)
 */
export async function compactThroughRoom(store: RoomStore, id: BoardId): Promise<void> {
  const room = await loadRoom(store, id, COMPACT_ANY_LOG);
  room.materialize();
  if (!(await room.flush())) throw new Error('the room could not compact the board');
  room.destroy();
}

/**
 * Sends `room` a sync step 1 with `stateVector` through the server's own message handler, as
 * a participant that just joined, and returns the update of the room's step 2 answer (the
 * bytes a socket would carry to that participant), without applying it anywhere.
 */
export async function answerStep1(room: Room, stateVector: Uint8Array): Promise<Uint8Array> {
  let answer: Uint8Array | null = null;
  const participant: Participant = {
    send(message) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MESSAGE.sync) return;
      if (decoding.readVarUint(decoder) === SYNC.step2)
        answer = decoding.readVarUint8Array(decoder);
    },
    close(code, reason) {
      throw new Error(`the room closed a bench client (${code}): ${reason}`);
    },
  };
  room.join(participant);
  try {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE.sync);
    encoding.writeVarUint(step1, SYNC.step1);
    encoding.writeVarUint8Array(step1, stateVector);
    handleMessage(encoding.toUint8Array(step1), { room, participant });
    // The answer is sent once everything in it is stored (Room.missingFor).
    await room.flush();
  } finally {
    room.leave(participant);
  }
  if (!answer) throw new Error('the room did not answer sync step 1');
  return answer;
}

export interface RoomClient {
  doc: Y.Doc;
  leave(): void;
}

/** Joins `room` as a client: syncs its doc, then sends every local change as an update frame. */
export function joinRoom(room: Room): RoomClient {
  const doc = new Y.Doc();
  const participant: Participant = {
    send(message) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MESSAGE.sync) return; // awareness: nobody here
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, FROM_ROOM);
    },
    close(code, reason) {
      throw new Error(`the room closed a bench client (${code}): ${reason}`);
    },
  };
  room.join(participant);
  const context = { room, participant };
  // The handshake as a provider does it: our state vector, answered with what we lack.
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE.sync);
  syncProtocol.writeSyncStep1(step1, doc);
  handleMessage(encoding.toUint8Array(step1), context);
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_ROOM) handleMessage(encodeSyncUpdate(update), context);
  };
  doc.on('update', onUpdate);
  return {
    doc,
    leave() {
      doc.off('update', onUpdate);
      room.leave(participant);
      doc.destroy();
    },
  };
}
