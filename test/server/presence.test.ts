import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { BoardId, Role } from '../../lib/model';
import { connectBoard, readPeers } from '../../lib/sync';
import { MESSAGE } from '../../server/sync/messages';
import { closeOf, connectClient, openSocket, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * Presence bound to its connection (issue 11, part 2): each attack is sent as an attacker
 * would, hand-encoded awareness frames on a raw socket, while stock y-websocket clients watch.
 */

let server: TestServer;
let id: string;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<void> {
  server = await startTestServer(options);
  id = await server.createBoard('Presence');
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  await server.stop();
});

/** A presence state as Lienzo's page publishes it (lib/sync/connect-board.ts). */
function presence(userId: string, name: string, more: Record<string, unknown> = {}) {
  return {
    user: { id: userId, name, color: '#336699' },
    cursor: null,
    editing: null,
    selection: [],
    view: null,
    ...more,
  };
}

/** A stock client publishing a Lienzo presence state, synced. */
async function participant(role: Role, userId: string, name: string): Promise<TestClient> {
  const c = connectClient(server.url, id, server.token(id, role));
  clients.push(c);
  c.provider.awareness.setLocalState(presence(userId, name));
  await c.synced;
  return c;
}

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness message as y-protocols encodes it: count, then id, clock and JSON state each. */
function awarenessFrame(entries: readonly Entry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

async function rawSocket(role: Role = 'editor'): Promise<WebSocket> {
  const { socket, status } = await openSocket(
    server.url,
    `/sync/${id}?t=${server.token(id, role)}`,
  );
  if (!socket) throw new Error(`upgrade refused with ${status}`);
  sockets.push(socket);
  return socket;
}

/** The client id an attacker's socket uses for its own presence. */
const ATTACKER_ID = 4_000_000_001;
let markerClock = 0;

/**
 * Sends a state of the attacker's own after everything it sent, and waits until `observer`
 * sees it: the server handles a socket's frames in order, so all before it were handled too.
 */
async function barrier(
  attacker: WebSocket,
  observer: TestClient,
  clientId = ATTACKER_ID,
): Promise<void> {
  const marker = `marker ${++markerClock}`;
  attacker.send(
    awarenessFrame([{ clientId, clock: markerClock, state: presence('u_mallory', marker) }]),
  );
  await waitFor(
    () => observer.provider.awareness.getStates().get(clientId)?.user?.name === marker,
    `the observer to see ${marker}`,
  );
}

function nameAt(observer: TestClient, clientId: number): unknown {
  return observer.provider.awareness.getStates().get(clientId)?.user?.name;
}

function clockOf(c: TestClient): number {
  return c.provider.awareness.meta.get(c.doc.clientID)?.clock ?? 0;
}

describe('a connection publishes only the client ids it introduced', () => {
  it('cannot rename another participant, and leaves no fake name behind', async () => {
    await start();
    const victim = await participant('editor', 'u_victim', 'Ana');
    const observer = await participant('editor', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, victim.doc.clientID) === 'Ana', 'Ana at the observer');
    markerClock = 0;
    const attacker = await rawSocket('editor');
    attacker.send(
      awarenessFrame([
        {
          clientId: victim.doc.clientID,
          clock: clockOf(victim) + 1,
          state: presence('u_victim', 'Mallory'),
        },
      ]),
    );
    await barrier(attacker, observer);
    expect(nameAt(observer, victim.doc.clientID)).toBe('Ana');

    const closed = closeOf(attacker);
    attacker.close();
    await closed;
    await waitFor(
      () => !observer.provider.awareness.getStates().has(ATTACKER_ID),
      'the attacker’s own state to go with it',
    );
    expect(nameAt(observer, victim.doc.clientID)).toBe('Ana');
    // The victim is still its own: its next change reaches the others.
    victim.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await waitFor(
      () => observer.provider.awareness.getStates().get(victim.doc.clientID)?.cursor?.x === 5,
      'the victim’s cursor',
    );
  });

  it('cannot remove another participant from the presence list', async () => {
    await start();
    const victim = await participant('editor', 'u_victim', 'Ana');
    const observer = await participant('viewer', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, victim.doc.clientID) === 'Ana', 'Ana at the observer');
    markerClock = 0;
    const clientId = victim.doc.clientID;
    // A stock client puts its own state back when told it is gone: watch for the moment it is.
    let lost = false;
    observer.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
      if (removed.includes(clientId)) lost = true;
    });
    const attacker = await rawSocket('editor');
    attacker.send(awarenessFrame([{ clientId, clock: clockOf(victim) + 1, state: null }]));
    attacker.send(awarenessFrame([{ clientId, clock: clockOf(victim), state: null }]));
    await barrier(attacker, observer);
    expect(lost).toBe(false);
    expect(nameAt(observer, clientId)).toBe('Ana');
  });

  it('cannot add hundreds of phantom participants', async () => {
    await start();
    const observer = await participant('editor', 'u_observer', 'Olga');
    markerClock = 0;
    const attacker = await rawSocket('viewer');
    await barrier(attacker, observer);
    const phantoms = Array.from({ length: 300 }, (_, i) => ({
      clientId: 1_000 + i,
      clock: 1,
      state: presence(`u_phantom${i}`, `Phantom ${i}`),
    }));
    attacker.send(awarenessFrame(phantoms.slice(0, 150)));
    for (const phantom of phantoms.slice(150)) attacker.send(awarenessFrame([phantom]));
    await barrier(attacker, observer);
    const seen = [...observer.provider.awareness.getStates().values()].filter((state) =>
      String(state.user?.name).startsWith('Phantom'),
    );
    // Four client ids a connection, the attacker's own (ATTACKER_ID) among them.
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it('cannot cycle through client ids by removing each after use', async () => {
    await start();
    const observer = await participant('editor', 'u_observer', 'Olga');
    markerClock = 0;
    const attacker = await rawSocket('editor');
    await barrier(attacker, observer);
    const seen = new Set<number>();
    observer.provider.awareness.on('change', ({ added }: { added: number[] }) => {
      for (const clientId of added) seen.add(clientId);
    });
    for (let i = 0; i < 10; i++) {
      const clientId = 2_000 + i;
      attacker.send(awarenessFrame([{ clientId, clock: 1, state: presence('u_c', `Cycle ${i}`) }]));
      attacker.send(awarenessFrame([{ clientId, clock: 2, state: null }]));
    }
    await barrier(attacker, observer);
    // Three besides the attacker's own: an id stays its connection's once removed.
    expect([...seen].filter((clientId) => clientId !== ATTACKER_ID).sort()).toEqual([
      2_000, 2_001, 2_002,
    ]);
  });

  it('refuses absurd clocks, and clocks going backwards', async () => {
    await start();
    const observer = await participant('editor', 'u_observer', 'Olga');
    markerClock = 0;
    const attacker = await rawSocket('editor');
    const own = 4_000_000_002;
    for (const clock of [2 ** 53, 2 ** 53 + 2, 2 ** 60])
      attacker.send(awarenessFrame([{ clientId: own, clock, state: presence('u_x', 'Huge') }]));
    await barrier(attacker, observer);
    expect(nameAt(observer, own)).toBeUndefined();

    attacker.send(awarenessFrame([{ clientId: own, clock: 10, state: presence('u_x', 'Ten') }]));
    attacker.send(awarenessFrame([{ clientId: own, clock: 9, state: presence('u_x', 'Back') }]));
    await barrier(attacker, observer);
    expect(nameAt(observer, own)).toBe('Ten');

    // A jump no client makes (a clock counts its own changes, a few a second).
    const jump = 10 + 2 ** 40;
    attacker.send(awarenessFrame([{ clientId: own, clock: jump, state: presence('u_x', 'Jump') }]));
    await barrier(attacker, observer);
    expect(nameAt(observer, own)).toBe('Ten');
    expect(observer.provider.awareness.meta.get(own)?.clock).toBe(10);
  });
});

describe('the server stamps what others see', () => {
  it('adds the role the token grants, and keeps a view only from a facilitator', async () => {
    await start();
    const facilitator = await participant('facilitator', 'u_fac', 'Fiona');
    const observer = await participant('editor', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, facilitator.doc.clientID) === 'Fiona', 'Fiona');
    const view = { x: 100, y: 200, width: 800, height: 600 };
    facilitator.provider.awareness.setLocalStateField('view', view);
    markerClock = 0;
    // A viewer and an editor claim the facilitator's user id, with a view to steer followers.
    const viewer = await rawSocket('viewer');
    const editor = await rawSocket('editor');
    const lure = { x: 9_000, y: 9_000, width: 10, height: 10 };
    const claim = (clientId: number) =>
      awarenessFrame([{ clientId, clock: 1, state: presence('u_fac', 'Fiona', { view: lure }) }]);
    viewer.send(claim(4_100_000_001));
    editor.send(claim(4_100_000_002));
    await barrier(viewer, observer);
    await barrier(editor, observer, ATTACKER_ID + 1);
    await waitFor(
      () => observer.provider.awareness.getStates().get(facilitator.doc.clientID)?.view?.x === 100,
      'the facilitator’s view',
    );

    const states = observer.provider.awareness.getStates();
    expect(states.get(facilitator.doc.clientID)).toMatchObject({ role: 'facilitator', view });
    expect(states.get(4_100_000_001)).toMatchObject({ role: 'viewer', view: null });
    expect(states.get(4_100_000_002)).toMatchObject({ role: 'editor', view: null });
    expect(states.get(observer.doc.clientID)?.role).toBeUndefined(); // its own, unstamped
    const peers = readPeers(states, observer.doc.clientID);
    const claimants = peers.filter((peer) => peer.user.id === 'u_fac');
    expect(claimants.map((peer) => peer.role).sort()).toEqual(['editor', 'facilitator', 'viewer']);
  });

  it('overwrites a role the client claims, and drops what is not a presence', async () => {
    await start();
    const observer = await participant('editor', 'u_observer', 'Olga');
    markerClock = 0;
    const attacker = await rawSocket('viewer');
    attacker.send(
      awarenessFrame([
        {
          clientId: 4_200_000_001,
          clock: 1,
          state: presence('u_v', 'Vera', { role: 'facilitator', extra: 'x'.repeat(1_000) }),
        },
        { clientId: 4_200_000_002, clock: 1, state: { hello: 'world' } },
        {
          clientId: 4_200_000_003,
          clock: 1,
          state: presence('u_big', 'Big', { padding: 'x'.repeat(100_000) }),
        },
      ]),
    );
    await barrier(attacker, observer);
    const states = observer.provider.awareness.getStates();
    expect(states.get(4_200_000_001)).toEqual({ ...presence('u_v', 'Vera'), role: 'viewer' });
    expect(states.has(4_200_000_002)).toBe(false);
    expect(states.has(4_200_000_003)).toBe(false);
  });
});

describe('rate limits per connection', () => {
  /** Counts the awareness frames a stock client receives. */
  function counting(role: Role): TestClient & { awarenessFrames(): number } {
    let count = 0;
    const c = connectClient(server.url, id, server.token(id, role), {
      onFrame: (frame) => {
        if (frame[0] === MESSAGE.awareness) count++;
      },
    });
    clients.push(c);
    c.provider.awareness.setLocalState(presence('u_counter', 'Carla'));
    return { ...c, awarenessFrames: () => count };
  }

  it('drops an awareness flood beyond its budget and keeps the connection', async () => {
    await start({ awarenessPerMinute: 600, messagesPerMinute: 60_000 });
    const observer = counting('editor');
    await observer.synced;
    markerClock = 0;
    const attacker = await rawSocket('editor');
    await barrier(attacker, observer);
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
    await start({ messagesPerMinute: 600 });
    const attacker = await rawSocket('editor');
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
    await start({ awarenessPerMinute: 6_000, messagesPerMinute: 600 });
    const listener = counting('viewer');
    await listener.synced;
    const talkers = await Promise.all(
      [1, 2, 3].map((n) => participant('editor', `u_talker${n}`, `Talker ${n}`)),
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
    await start();
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
      id as BoardId,
      { id: 'u_page', name: 'Paula', color: '#336699' },
      `${server.url.replace(/^http/, 'ws')}/sync`,
      server.token(id, 'viewer'),
      { viewOnly: true },
    );
    try {
      await waitFor(() => page.getStatus() === 'connected', 'the page to sync');
      const talker = await participant('editor', 'u_talker', 'Tom');
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
