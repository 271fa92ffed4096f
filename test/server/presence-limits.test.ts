import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { BoardId, Role } from '../../lib/model';
import { connectBoard } from '../../lib/sync';
import { MESSAGE } from '../../server/sync/messages';
import { closeOf, type TestClient } from '../helpers/clients';
import { awarenessFrame, presence, presenceBoard } from '../helpers/presence';
import { waitFor } from '../helpers/wait';

/**
 * Per-connection rate limits (issue 11, parts 2 and 6), and what Lienzo's page sends: floods
 * on a raw socket, stock y-websocket clients echoing, against the real server.
 */

const board = presenceBoard();
afterEach(() => board.stop());

describe('rate limits per connection', () => {
  /** Counts the awareness frames a stock client receives. */
  function counting(role: Role): TestClient & { awarenessFrames(): number } {
    let count = 0;
    const c = board.client(role, {
      onFrame: (frame) => {
        if (frame[0] === MESSAGE.awareness) count++;
      },
    });
    c.provider.awareness.setLocalState(presence('u_counter', 'Carla'));
    return { ...c, awarenessFrames: () => count };
  }

  it('drops an awareness flood beyond its budget and keeps the connection', async () => {
    await board.start({ awarenessPerMinute: 600, messagesPerMinute: 60_000 });
    const observer = counting('editor');
    await observer.synced;
    const attacker = await board.rawSocket('editor');
    await board.barrier(attacker, observer);
    const before = observer.awarenessFrames();
    const startedAt = Date.now();
    const own = 3_300_000_001;
    for (let clock = 1; clock <= 500; clock++)
      attacker.send(
        awarenessFrame([{ clientId: own, clock, state: presence('u_f', `Flood ${clock}`) }]),
      );
    // The flood is over once its last frame is answered: a query, answered in order.
    attacker.send(new Uint8Array([MESSAGE.queryAwareness]));
    await new Promise<void>((resolve) => attacker.once('message', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const elapsedS = (Date.now() - startedAt) / 1_000;
    const relayed = observer.awarenessFrames() - before;
    // 600 a minute is 10 a second, with a burst of two seconds' worth.
    expect(relayed).toBeLessThanOrEqual(20 + Math.ceil(10 * elapsedS) + 1);
    expect(relayed).toBeGreaterThan(0);
    expect(attacker.readyState).toBe(attacker.OPEN);
  });

  it('closes a connection over its message cap with 4429', async () => {
    await board.start({ messagesPerMinute: 600 });
    const attacker = await board.rawSocket('editor');
    const closed = closeOf(attacker);
    // 600 a minute: a burst of 10 s worth (100), then 10 a second.
    for (let i = 0; i < 300; i++) attacker.send(new Uint8Array([MESSAGE.queryAwareness]));
    const { code, reason } = await closed;
    expect(code).toBe(4429);
    expect(reason).toMatch(/rate/);
  });

  it('charges a stock client nothing for echoing what it is sent', async () => {
    // A stock y-websocket client sends every awareness message it receives back to the
    // server: in a busy workshop most of what a client sends is that echo.
    await board.start({ awarenessPerMinute: 6_000, messagesPerMinute: 600 });
    const listener = counting('viewer');
    await listener.synced;
    const talkers = await Promise.all(
      [1, 2, 3].map((n) => board.participant('editor', `u_talker${n}`, `Talker ${n}`)),
    );
    // 3 talkers × 50 moves in a second: 150 awareness messages reach the listener and 150
    // echoes go back, past its cap of 100 at once and 10 a second.
    for (let round = 0; round < 5; round++) {
      for (let move = 0; move < 10; move++) {
        for (const talker of talkers)
          talker.provider.awareness.setLocalStateField('cursor', { x: round, y: move });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await waitFor(
      () =>
        talkers.every(
          (t) => listener.provider.awareness.getStates().get(t.doc.clientID)?.cursor?.x === 4,
        ),
      'every talker’s last cursor',
    );
    expect(listener.awarenessFrames()).toBeGreaterThan(150);
    expect(listener.provider.wsconnected).toBe(true);
  });
});

describe('Lienzo’s page', () => {
  it('sends its own presence only, not back what it receives', async () => {
    await board.start();
    // y-websocket opens the global WebSocket (Node 20 has none): one that counts what it sends.
    let sentAwareness = 0;
    class CountingWebSocket extends WebSocket {
      override send(data: Uint8Array, ...rest: unknown[]): void {
        if (data[0] === MESSAGE.awareness) sentAwareness++;
        (super.send as (data: Uint8Array, ...rest: unknown[]) => void)(data, ...rest);
      }
    }
    const global = globalThis as { WebSocket?: unknown };
    const hadWebSocket = 'WebSocket' in global;
    const previous = global.WebSocket;
    global.WebSocket = CountingWebSocket;
    const page = connectBoard(
      board.id as BoardId,
      { id: 'u_page', name: 'Paula', color: '#336699' },
      `${board.server.url.replace(/^http/, 'ws')}/sync`,
      board.server.token(board.id, 'viewer'),
      { viewOnly: true },
    );
    try {
      await waitFor(() => page.getStatus() === 'connected', 'the page to sync');
      const talker = await board.participant('editor', 'u_talker', 'Tom');
      await waitFor(
        () => page.awareness.getStates().get(talker.doc.clientID)?.user?.name === 'Tom',
        'the page to see the talker',
      );
      const before = sentAwareness;
      for (let x = 1; x <= 20; x++)
        talker.provider.awareness.setLocalStateField('cursor', { x, y: 0 });
      await waitFor(
        () => page.awareness.getStates().get(talker.doc.clientID)?.cursor?.x === 20,
        'the talker’s last cursor',
      );
      expect(sentAwareness - before).toBe(0);
      // Its own changes still go out, and others see them.
      page.awareness.setLocalStateField('cursor', { x: 7, y: 7 });
      await waitFor(
        () => talker.provider.awareness.getStates().get(page.doc.clientID)?.cursor?.x === 7,
        'the page’s cursor at the talker',
      );
      expect(sentAwareness - before).toBe(1);
    } finally {
      page.destroy();
      if (hadWebSocket) global.WebSocket = previous;
      else delete global.WebSocket;
    }
  });
});
