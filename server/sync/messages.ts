import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The y-websocket wire format: every frame is one binary message that starts with a varuint
 * message type. Sync messages carry a y-protocols sync message (step 1, step 2 or update);
 * awareness messages carry an awareness update. These encoders build the frames the server
 * sends; protocol.ts decodes the ones it receives.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  /**
   * y-protocols' auth message. The server sends its one kind, "permission denied", to a viewer
   * whose update it dropped; a stock y-websocket client logs it and stays connected.
   */
  auth: 2,
  /** "Send me every awareness state you know." */
  queryAwareness: 3,
} as const;

export const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "Here is my state vector, send me what I am missing." */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
  });
}

/** Bytes a varuint takes: 7 bits of the value a byte. */
const VARUINT_BITS_PER_BYTE = 7;
const VARUINT_BYTE_LIMIT = 2 ** VARUINT_BITS_PER_BYTE;
/** The sync frame's first two bytes: MESSAGE.sync and the sync type, one byte each. */
const SYNC_HEADER_BYTES = 2;

function varUintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= VARUINT_BYTE_LIMIT; rest = Math.floor(rest / VARUINT_BYTE_LIMIT))
    length++;
  return length;
}

/**
 * A sync message carrying an update: MESSAGE.sync, the sync type, the update's length as a
 * varuint, the update; the bytes y-protocols writes (writeSyncStep2, writeUpdate). Every
 * change relayed is framed here, so it is written straight into one buffer of the exact size
 * rather than through lib0's growable encoder (which copies the update twice). A Buffer, so
 * ws sends it as it is rather than making a Buffer view of it for each participant.
 */
function syncFrame(syncType: number, update: Uint8Array): Uint8Array {
  const length = update.byteLength;
  const frame = Buffer.allocUnsafe(SYNC_HEADER_BYTES + varUintLength(length) + length);
  frame[0] = MESSAGE.sync;
  frame[1] = syncType;
  let offset = SYNC_HEADER_BYTES;
  let rest = length;
  for (; rest >= VARUINT_BYTE_LIMIT; rest = Math.floor(rest / VARUINT_BYTE_LIMIT))
    frame[offset++] = VARUINT_BYTE_LIMIT | (rest % VARUINT_BYTE_LIMIT);
  frame[offset++] = rest;
  frame.set(update, offset);
  return frame;
}

/** The answer to a step 1: everything the asker is missing. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC.step2, update);
}

/** A change, relayed as it happens. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SYNC.update, update);
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: readonly number[],
): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]),
    );
  });
}

/** "Your document updates are not applied", with a reason for people reading a log. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE.auth);
    authProtocol.writePermissionDenied(encoder, reason);
  });
}
