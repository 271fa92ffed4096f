import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { errorMessage } from '../log';
import type { Role } from '../../lib/model';
import type { ConnectionQuota } from '../limits/connection-quota';
import type { AwarenessEntry } from '../rooms/awareness-gate';
import type { Participant, Room } from '../rooms/room';
import { CLOSE, ConnectionError } from './close-codes';
import { MESSAGE, SYNC, encodePermissionDenied, encodeSyncStep2 } from './messages';
import { readBoardLocks } from '../../lib/doc/locks';
import { changesDoc, type DecodedUpdate } from './update-effect';
import { checkUpdate as guardUpdate } from './update-guard';
import { UpdatePaths } from './update-paths';
import { assertValuesAllowed } from './value-guard';

/**
 * What a client may send, decoded and checked. Parsing is separate from handling so that a
 * message is validated whole (every varint, the update's structure, no trailing bytes) before
 * anything of it touches the room.
 */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'sync-update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

type MessageType = ClientMessage['type'];
type MessageOf<T extends MessageType> = Extract<ClientMessage, { type: T }>;

function malformed(what: string, error?: unknown): ConnectionError {
  const detail = error === undefined ? '' : `: ${errorMessage(error)}`;
  return new ConnectionError(CLOSE.invalidPayload, `malformed ${what}${detail}`);
}

/** Yjs decodes an update fully (structs, contents, delete set) and throws on garbage. */
function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw malformed('Yjs update', error);
  }
}

function checkStateVector(stateVector: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(stateVector);
  } catch (error) {
    throw malformed('state vector', error);
  }
  return stateVector;
}

/**
 * An awareness update: a count, then per client its id, clock and state as JSON. The JSON is
 * parsed later, once, only for the entries the room may apply (rooms/awareness-gate.ts): most
 * of what a stock client sends is others' states echoed back, which change nothing.
 */
function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, json: decoding.readVarString(decoder) });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    throw malformed('awareness update', error);
  }
}

/** An update's bytes, and their decoding (done once here: the guard reads it too). */
function readUpdate(decoder: decoding.Decoder): { update: Uint8Array; decoded: DecodedUpdate } {
  const update = decoding.readVarUint8Array(decoder);
  return { update, decoded: decodeUpdate(update) };
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SYNC.step1:
      return { type: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
    case SYNC.step2:
      return { type: 'sync-step2', ...readUpdate(decoder) };
    case SYNC.update:
      return { type: 'sync-update', ...readUpdate(decoder) };
    default:
      throw new ConnectionError(CLOSE.unsupportedData, `unknown sync message type ${syncType}`);
  }
}

const readers: Record<number, (decoder: decoding.Decoder) => ClientMessage> = {
  [MESSAGE.sync]: readSync,
  [MESSAGE.awareness]: (decoder) => ({
    type: 'awareness',
    entries: readAwarenessUpdate(decoding.readVarUint8Array(decoder)),
  }),
  [MESSAGE.queryAwareness]: () => ({ type: 'query-awareness' }),
};

/** Decodes and checks one frame. Throws a ConnectionError saying how to close on bad input. */
export function parseMessage(frame: Uint8Array): ClientMessage {
  let message: ClientMessage;
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    const read = readers[type];
    if (!read) throw new ConnectionError(CLOSE.unsupportedData, `unknown message type ${type}`);
    message = read(decoder);
    if (decoding.hasContent(decoder)) throw malformed('message', 'trailing bytes');
  } catch (error) {
    // lib0 throws plain Errors on a truncated frame or an overlong varint.
    throw error instanceof ConnectionError ? error : malformed('message', error);
  }
  switch (message.type) {
    case 'sync-step1':
      checkStateVector(message.stateVector);
      break;
  }
  return message;
}

/** What the server remembers of a viewer's connection: whether it was told. */
export interface ReadOnlyConnection {
  told: boolean;
}

/** The reason sent with the permission-denied message; clients show their own words. */
export const READ_ONLY_REASON = 'view-only link: document updates are not applied';

/** The connection a handler acts for. */
export interface MessageContext {
  room: Room;
  participant: Participant;
  /**
   * Set for a viewer: its document updates (sync step 2 and update messages) are dropped.
   * Closing or answering with an error would make a stock client reconnect and resend the
   * same update forever; dropping leaves it connected, seeing everything, changing nothing.
   * The first dropped update that would have changed the board is answered with a
   * permission-denied message, so the client can tell its person and drop its copy
   * (lib/sync); once per connection, so a client that keeps writing is not answered in kind.
   * Its step 1 is answered and its awareness relayed, so it syncs and others see it.
   */
  readOnly?: ReadOnlyConnection;
  /**
   * The connection's role, for the update guard (without it only structure is checked) and
   * for the role stamped on its presence (a viewer's without it).
   */
  role?: Role;
  /** The connection's message budgets; without it nothing is limited. */
  quota?: ConnectionQuota;
  /** The board whose locks judge the updates (a draft's board); `room` when unset. */
  board?: Room;
  /**
   * The document schema version the client declared. When it is not the board's, the client
   * reads but does not write: an update that changes anything closes it (4426).
   */
  schemaVersion?: number;
}

/** The close reason of a write from a client speaking another schema version. */
export const SCHEMA_MISMATCH_REASON = 'schema version mismatch: reload';

/** True when the client declared a schema version and it is not the board's. */
function speaksOtherSchema(board: Room, declared: number | undefined): boolean {
  const served = board.schemaVersion;
  return declared !== undefined && served !== null && declared !== served;
}

/** Over the connection's message cap (limits/connection-quota.ts). */
function rateLimited(): ConnectionError {
  return new ConnectionError(CLOSE.rateLimited, 'rate limited: too many messages');
}

/**
 * Awareness, through the room's gate. A message that changes nothing (what a stock client
 * echoes) is free up to what the server sent it; any other counts as a message, and beyond
 * the awareness budget it is dropped with the connection kept (presence is ephemeral: the
 * client's next state replaces it).
 */
function applyAwareness(
  entries: AwarenessEntry[],
  { room, participant, role = 'viewer', quota }: MessageContext,
): void {
  if (!room.awarenessWouldChange(entries, participant)) {
    if (quota && !quota.takeEcho()) throw rateLimited();
    return;
  }
  if (quota && !quota.takeMessage()) throw rateLimited();
  if (quota && !quota.takeAwareness()) return;
  try {
    room.applyAwareness(entries, participant, role);
  } catch (error) {
    throw malformed('awareness update', error);
  }
}

function applyUpdate(
  { room, participant, readOnly, role, board = room, schemaVersion }: MessageContext,
  { update, decoded }: { update: Uint8Array; decoded: DecodedUpdate },
): void {
  if (readOnly) {
    // The handshake's step 2 of a viewer with nothing new changes nothing: not worth a word.
    if (readOnly.told || !changesDoc(room.doc, decoded)) return;
    readOnly.told = true;
    participant.send(encodePermissionDenied(READ_ONLY_REASON));
    return;
  }
  if (speaksOtherSchema(board, schemaVersion)) {
    // Its handshake's step 2 with nothing new is no write: it keeps reading.
    if (!changesDoc(room.doc, decoded)) return;
    throw new ConnectionError(CLOSE.schemaMismatch, SCHEMA_MISMATCH_REASON);
  }
  // Values first (value-guard.ts, whoever writes): the lock rule reads a note's place from
  // the values an update writes, and a NaN coordinate is a bad value, not a lock question.
  // One path finder for both guards: they read the same items' paths, each found once.
  const paths = new UpdatePaths(room.doc, decoded.structs);
  assertValuesAllowed(room.doc, decoded, paths);
  const verdict = role
    ? guardUpdate(room.doc, role, decoded, readBoardLocks(board.doc), paths)
    : { ok: true as const };
  if (!verdict.ok) {
    // Not applied, stored nor relayed. Dropping it silently is not enough: Yjs keeps every
    // later update of that client pending until the refused clock range arrives, so the
    // client could never change anything again. The connection is closed instead, and the
    // client starts over from the server's copy (lib/sync).
    throw new ConnectionError(CLOSE.refusedLocked, `refused: ${verdict.reason}`);
  }
  try {
    room.applyUpdate(update, participant);
  } catch (error) {
    // What Yjs integrated before throwing went through the room like any change (stored,
    // then relayed); the rest is refused with the connection.
    throw new ConnectionError(
      CLOSE.invalidPayload,
      `update cannot be applied: ${errorMessage(error)}`,
    );
  }
}

const handlers: { [T in MessageType]: (message: MessageOf<T>, context: MessageContext) => void } = {
  'sync-step1': ({ stateVector }, { room, participant }) => {
    // Sent once all of it is stored (Room.missingFor); a room serving from its stored bytes
    // builds its document once this answer is out.
    room.missingFor(stateVector, (missing) =>
      participant.send(encodeSyncStep2(missing), () => room.materializeSoon()),
    );
  },
  'sync-step2': (message, context) => applyUpdate(context, message),
  'sync-update': (message, context) => applyUpdate(context, message),
  awareness: ({ entries }, context) => applyAwareness(entries, context),
  'query-awareness': (_message, { room, participant }) => {
    const snapshot = room.awarenessSnapshot();
    if (snapshot) participant.send(snapshot);
  },
};

/** Parses one frame and acts on it. Throws a ConnectionError when the connection must close. */
export function handleMessage(frame: Uint8Array, context: MessageContext): void {
  // Counted before decoding, so a flood is refused before it costs its decoding. Awareness
  // is counted once read: an echo of what the server sent is free.
  if (frame[0] !== MESSAGE.awareness && context.quota && !context.quota.takeMessage())
    throw rateLimited();
  const message = parseMessage(frame);
  const handler = handlers[message.type] as (m: ClientMessage, c: MessageContext) => void;
  handler(message, context);
}
