import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Participant, Room } from '../rooms/room';
import { CLOSE, ConnectionError } from './close-codes';
import { MESSAGE } from './messages';
import { handleMessage, parseMessage } from './protocol';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function codeOf(run: () => unknown): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ConnectionError) return error.code;
    throw error;
  }
}

const doc = new Y.Doc();
doc.getMap('meta').set('title', 'x');

describe('parseMessage', () => {
  it('reads the frames a y-websocket client sends', () => {
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(parseMessage(step1)).toEqual({
      type: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });

    const update = Y.encodeStateAsUpdate(doc);
    const updateFrame = frame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeUpdate(e, update);
    });
    expect(parseMessage(updateFrame)).toEqual({
      type: 'sync-update',
      update,
      decoded: Y.decodeUpdate(update),
    });

    const awareness = new awarenessProtocol.Awareness(doc);
    const state = { user: { name: 'Ana' } };
    awareness.setLocalState(state);
    const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();
    const awarenessFrame = frame((e) => {
      encoding.writeVarUint(e, MESSAGE.awareness);
      encoding.writeVarUint8Array(e, awarenessUpdate);
    });
    // Each entry's JSON is kept as text: the room's gate parses only what it may apply.
    expect(parseMessage(awarenessFrame)).toEqual({
      type: 'awareness',
      entries: [{ clientId: doc.clientID, clock: 1, json: JSON.stringify(state) }],
    });

    expect(parseMessage(new Uint8Array([MESSAGE.queryAwareness]))).toEqual({
      type: 'query-awareness',
    });
  });

  it('says how to close on bad input', () => {
    expect(codeOf(() => parseMessage(new Uint8Array([])))).toBe(CLOSE.invalidPayload);
    // A varint longer than 53 bits.
    expect(codeOf(() => parseMessage(new Uint8Array(12).fill(0xff)))).toBe(CLOSE.invalidPayload);
    expect(codeOf(() => parseMessage(new Uint8Array([42])))).toBe(CLOSE.unsupportedData);
    // A step 1 whose state vector claims more entries than it has.
    expect(codeOf(() => parseMessage(new Uint8Array([0, 0, 2, 5, 1])))).toBe(CLOSE.invalidPayload);
    // A length prefix longer than the frame.
    expect(codeOf(() => parseMessage(new Uint8Array([0, 2, 50, 0, 0])))).toBe(CLOSE.invalidPayload);
  });
});

describe('handleMessage', () => {
  const participant: Participant = { send: () => {}, close: () => {} };

  it('turns an update Yjs throws on into 1007', () => {
    const room = {
      // An empty room: everything the update holds is new to it, and the guards read it.
      doc: new Y.Doc(),
      applyUpdate: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    } as unknown as Room;
    const update = frame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    });
    expect(codeOf(() => handleMessage(update, { room, participant }))).toBe(CLOSE.invalidPayload);
  });

  it('answers a step 1 with what the client is missing, once the room says it is stored', () => {
    const sent: Uint8Array[] = [];
    const step1 = frame((e) => {
      encoding.writeVarUint(e, MESSAGE.sync);
      syncProtocol.writeSyncStep1(e, new Y.Doc());
    });
    let stored: (() => void) | null = null;
    const room = {
      missingFor: (_: Uint8Array, answer: (missing: Uint8Array) => void) => {
        stored = () => answer(Y.encodeStateAsUpdate(doc));
      },
    } as unknown as Room;
    handleMessage(step1, { room, participant: { ...participant, send: (m) => sent.push(m) } });
    // Nothing is sent while the room holds what it has not stored (Room.missingFor).
    expect(sent).toHaveLength(0);
    stored!();
    expect(sent).toHaveLength(1);
  });
});
