import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The messages Lienzo processes send each other through Redis, and their binary layout.
 * Updates and awareness are bytes; a JSON string would cost a base64 pass each way and a
 * third more size, so every frame is lib0-encoded (varuint, varstring, varbytes) and
 * published as a Buffer:
 *
 *   kind (uint8) · sender process id (varstring) · body (by kind, below)
 *
 *   update          board (varstring) · seq (varuint) · update (varbytes, a Yjs v1 update)
 *   heartbeat       count (varuint) · count × (board (varstring) · latest seq (varuint))
 *   awareness       board (varstring) · update (varbytes, a y-protocols awareness update)
 *   awarenessQuery  board (varstring)
 *   bye             (nothing)
 *   revokeLink      board (varstring) · role (varstring) · old token digest (varbytes)
 *   commandsQuery   (nothing): "send me the commands of the last minute" (I reconnected)
 */
export const FRAME = {
  update: 1,
  heartbeat: 2,
  awareness: 3,
  awarenessQuery: 4,
  bye: 5,
  revokeLink: 6,
  commandsQuery: 7,
} as const;

export type Frame =
  | { kind: typeof FRAME.update; sender: string; board: string; seq: number; update: Uint8Array }
  | { kind: typeof FRAME.heartbeat; sender: string; boards: [board: string, seq: number][] }
  | { kind: typeof FRAME.awareness; sender: string; board: string; update: Uint8Array }
  | { kind: typeof FRAME.awarenessQuery; sender: string; board: string }
  | { kind: typeof FRAME.bye; sender: string }
  | { kind: typeof FRAME.commandsQuery; sender: string }
  | {
      kind: typeof FRAME.revokeLink;
      sender: string;
      board: string;
      role: string;
      digest: Uint8Array;
    };

export function encodeFrame(frame: Frame): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, frame.kind);
  encoding.writeVarString(encoder, frame.sender);
  switch (frame.kind) {
    case FRAME.update:
      encoding.writeVarString(encoder, frame.board);
      encoding.writeVarUint(encoder, frame.seq);
      encoding.writeVarUint8Array(encoder, frame.update);
      break;
    case FRAME.heartbeat:
      encoding.writeVarUint(encoder, frame.boards.length);
      for (const [board, seq] of frame.boards) {
        encoding.writeVarString(encoder, board);
        encoding.writeVarUint(encoder, seq);
      }
      break;
    case FRAME.awareness:
      encoding.writeVarString(encoder, frame.board);
      encoding.writeVarUint8Array(encoder, frame.update);
      break;
    case FRAME.awarenessQuery:
      encoding.writeVarString(encoder, frame.board);
      break;
    case FRAME.bye:
    case FRAME.commandsQuery:
      break;
    case FRAME.revokeLink:
      encoding.writeVarString(encoder, frame.board);
      encoding.writeVarString(encoder, frame.role);
      encoding.writeVarUint8Array(encoder, frame.digest);
      break;
  }
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a frame; null when it is not one of ours (another app on the same Redis, a bug). */
export function decodeFrame(bytes: Uint8Array): Frame | null {
  try {
    return readFrame(decoding.createDecoder(bytes));
  } catch {
    return null;
  }
}

function readFrame(decoder: decoding.Decoder): Frame | null {
  const kind = decoding.readUint8(decoder);
  const sender = decoding.readVarString(decoder);
  switch (kind) {
    case FRAME.update: {
      const board = decoding.readVarString(decoder);
      const seq = decoding.readVarUint(decoder);
      return { kind, sender, board, seq, update: decoding.readVarUint8Array(decoder) };
    }
    case FRAME.heartbeat: {
      const count = decoding.readVarUint(decoder);
      const boards: [string, number][] = [];
      for (let i = 0; i < count; i++)
        boards.push([decoding.readVarString(decoder), decoding.readVarUint(decoder)]);
      return { kind, sender, boards };
    }
    case FRAME.awareness: {
      const board = decoding.readVarString(decoder);
      return { kind, sender, board, update: decoding.readVarUint8Array(decoder) };
    }
    case FRAME.awarenessQuery:
      return { kind, sender, board: decoding.readVarString(decoder) };
    case FRAME.bye:
    case FRAME.commandsQuery:
      return { kind, sender };
    case FRAME.revokeLink: {
      const board = decoding.readVarString(decoder);
      const role = decoding.readVarString(decoder);
      return { kind, sender, board, role, digest: decoding.readVarUint8Array(decoder) };
    }
    default:
      return null;
  }
}
