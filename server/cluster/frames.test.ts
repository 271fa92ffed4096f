import { describe, expect, it } from 'vitest';
import { FRAME, decodeFrame, encodeFrame, type Frame } from './frames';

describe('cluster frames', () => {
  const bytes = new Uint8Array([0, 255, 254, 0xc3, 0x28, 10, 0]);
  const frames: Frame[] = [
    { kind: FRAME.update, sender: 'p', board: 'b.w', seq: 2 ** 40, update: bytes },
    {
      kind: FRAME.heartbeat,
      sender: 'p',
      boards: [
        ['b', 1],
        ['c', 0],
      ],
    },
    { kind: FRAME.awareness, sender: 'p', board: 'b', update: bytes },
    { kind: FRAME.awarenessQuery, sender: 'p', board: 'b' },
    { kind: FRAME.bye, sender: 'p' },
    { kind: FRAME.commandsQuery, sender: 'p' },
    { kind: FRAME.revokeLink, sender: 'p', board: 'b', role: 'viewer', digest: bytes },
  ];

  it('round-trips every kind, bytes intact', () => {
    for (const frame of frames) expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });

  it("answers null for what is not one of ours (another app's message, a cut frame)", () => {
    expect(decodeFrame(Buffer.from('hello'))).toBeNull();
    expect(decodeFrame(new Uint8Array([99, 1, 65]))).toBeNull();
    const whole = encodeFrame(frames[0]!);
    expect(decodeFrame(whole.subarray(0, whole.length - 3))).toBeNull();
    expect(decodeFrame(new Uint8Array())).toBeNull();
  });
});
