import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { MESSAGE, encodeSyncStep2, encodeSyncUpdate } from './messages';

/** The frames as y-protocols writes them, through lib0's encoder. */
function reference(write: (encoder: encoding.Encoder, update: Uint8Array) => void) {
  return (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    write(encoder, update);
    return encoding.toUint8Array(encoder);
  };
}

/** Lengths around each varuint byte boundary (1, 2 and 3 bytes), and a large paste. */
const LENGTHS = [0, 1, 127, 128, 129, 16_383, 16_384, 16_385, 2_097_151, 2_097_152];

function updateOf(length: number): Uint8Array {
  const update = new Uint8Array(length);
  for (let index = 0; index < length; index++) update[index] = (index * 31 + 7) % 256;
  return update;
}

/** Byte-equal (vitest's deep equality takes seconds on megabytes). */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array) {
  expect(actual.byteLength).toBe(expected.byteLength);
  expect(Buffer.compare(Buffer.from(actual), Buffer.from(expected))).toBe(0);
}

describe('sync frames', () => {
  it.each(LENGTHS)('an update of %i bytes is framed as y-protocols frames it', (length) => {
    const update = updateOf(length);
    expectSameBytes(encodeSyncUpdate(update), reference(syncProtocol.writeUpdate)(update));
    // y-protocols' step 2 writer takes a document; its frame is the type, then the update.
    const step2 = reference((encoder, bytes) => {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, bytes);
    });
    expectSameBytes(encodeSyncStep2(update), step2(update));
  });

  it('frames an update given as a view into a larger buffer', () => {
    const whole = updateOf(300);
    const view = whole.subarray(100, 250);
    expectSameBytes(encodeSyncUpdate(view), reference(syncProtocol.writeUpdate)(view.slice()));
  });
});
