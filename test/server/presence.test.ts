import { afterEach, describe, expect, it } from 'vitest';
import { readPeers } from '../../lib/sync';
import { closeOf, type TestClient } from '../helpers/clients';
import { ATTACKER_ID, awarenessFrame, presence, presenceBoard } from '../helpers/presence';
import { waitFor } from '../helpers/wait';

/**
 * Presence bound to its connection (issue 11, part 2): each attack is sent as an attacker
 * would, hand-encoded awareness frames on a raw socket, while stock y-websocket clients watch.
 * Rate limits are in presence-limits.test.ts.
 */

const board = presenceBoard();
afterEach(() => board.stop());

function nameAt(observer: TestClient, clientId: number): unknown {
  return observer.provider.awareness.getStates().get(clientId)?.user?.name;
}

function clockOf(c: TestClient): number {
  return c.provider.awareness.meta.get(c.doc.clientID)?.clock ?? 0;
}

describe('a connection publishes only the client ids it introduced', () => {
  it('cannot rename another participant, and leaves no fake name behind', async () => {
    await board.start();
    const victim = await board.participant('editor', 'u_victim', 'Ana');
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, victim.doc.clientID) === 'Ana', 'Ana at the observer');
    const attacker = await board.rawSocket('editor');
    attacker.send(
      awarenessFrame([
        {
          clientId: victim.doc.clientID,
          clock: clockOf(victim) + 1,
          state: presence('u_victim', 'Mallory'),
        },
      ]),
    );
    await board.barrier(attacker, observer);
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
    await board.start();
    const victim = await board.participant('editor', 'u_victim', 'Ana');
    const observer = await board.participant('viewer', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, victim.doc.clientID) === 'Ana', 'Ana at the observer');
    const clientId = victim.doc.clientID;
    // A stock client puts its own state back when told it is gone: watch for the moment it is.
    let lost = false;
    observer.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
      if (removed.includes(clientId)) lost = true;
    });
    const attacker = await board.rawSocket('editor');
    attacker.send(awarenessFrame([{ clientId, clock: clockOf(victim) + 1, state: null }]));
    attacker.send(awarenessFrame([{ clientId, clock: clockOf(victim), state: null }]));
    await board.barrier(attacker, observer);
    expect(lost).toBe(false);
    expect(nameAt(observer, clientId)).toBe('Ana');
  });

  it('cannot add hundreds of phantom participants', async () => {
    await board.start();
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    const attacker = await board.rawSocket('viewer');
    await board.barrier(attacker, observer);
    const phantoms = Array.from({ length: 300 }, (_, i) => ({
      clientId: 1_000 + i,
      clock: 1,
      state: presence(`u_phantom${i}`, `Phantom ${i}`),
    }));
    attacker.send(awarenessFrame(phantoms.slice(0, 150)));
    for (const phantom of phantoms.slice(150)) attacker.send(awarenessFrame([phantom]));
    await board.barrier(attacker, observer);
    const seen = [...observer.provider.awareness.getStates().values()].filter((state) =>
      String(state.user?.name).startsWith('Phantom'),
    );
    // Four client ids a connection, the attacker's own (ATTACKER_ID) among them.
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it('cannot cycle through client ids by removing each after use', async () => {
    await board.start();
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    const attacker = await board.rawSocket('editor');
    await board.barrier(attacker, observer);
    const seen = new Set<number>();
    observer.provider.awareness.on('change', ({ added }: { added: number[] }) => {
      for (const clientId of added) seen.add(clientId);
    });
    for (let i = 0; i < 10; i++) {
      const clientId = 2_000 + i;
      attacker.send(awarenessFrame([{ clientId, clock: 1, state: presence('u_c', `Cycle ${i}`) }]));
      attacker.send(awarenessFrame([{ clientId, clock: 2, state: null }]));
    }
    await board.barrier(attacker, observer);
    // Three besides the attacker's own: an id stays its connection's once removed.
    expect([...seen].filter((clientId) => clientId !== ATTACKER_ID).sort()).toEqual([
      2_000, 2_001, 2_002,
    ]);
  });

  it('refuses absurd clocks, and clocks going backwards', async () => {
    await board.start();
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    const attacker = await board.rawSocket('editor');
    const own = 4_000_000_002;
    for (const clock of [2 ** 53, 2 ** 53 + 2, 2 ** 60])
      attacker.send(awarenessFrame([{ clientId: own, clock, state: presence('u_x', 'Huge') }]));
    await board.barrier(attacker, observer);
    expect(nameAt(observer, own)).toBeUndefined();

    attacker.send(awarenessFrame([{ clientId: own, clock: 10, state: presence('u_x', 'Ten') }]));
    attacker.send(awarenessFrame([{ clientId: own, clock: 9, state: presence('u_x', 'Back') }]));
    await board.barrier(attacker, observer);
    expect(nameAt(observer, own)).toBe('Ten');

    // A jump no client makes (a clock counts its own changes, a few a second).
    const jump = 10 + 2 ** 40;
    attacker.send(awarenessFrame([{ clientId: own, clock: jump, state: presence('u_x', 'Jump') }]));
    await board.barrier(attacker, observer);
    expect(nameAt(observer, own)).toBe('Ten');
    expect(observer.provider.awareness.meta.get(own)?.clock).toBe(10);
  });
});

describe('the server stamps what others see', () => {
  it('adds the role the token grants, and keeps a view only from a facilitator', async () => {
    await board.start();
    const facilitator = await board.participant('facilitator', 'u_fac', 'Fiona');
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    await waitFor(() => nameAt(observer, facilitator.doc.clientID) === 'Fiona', 'Fiona');
    const view = { x: 100, y: 200, width: 800, height: 600 };
    facilitator.provider.awareness.setLocalStateField('view', view);
    // A viewer and an editor claim the facilitator's user id, with a view to steer followers.
    const viewer = await board.rawSocket('viewer');
    const editor = await board.rawSocket('editor');
    const lure = { x: 9_000, y: 9_000, width: 10, height: 10 };
    const claim = (clientId: number) =>
      awarenessFrame([{ clientId, clock: 1, state: presence('u_fac', 'Fiona', { view: lure }) }]);
    viewer.send(claim(4_100_000_001));
    editor.send(claim(4_100_000_002));
    await board.barrier(viewer, observer);
    await board.barrier(editor, observer, ATTACKER_ID + 1);
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
    await board.start();
    const observer = await board.participant('editor', 'u_observer', 'Olga');
    const attacker = await board.rawSocket('viewer');
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
    await board.barrier(attacker, observer);
    const states = observer.provider.awareness.getStates();
    expect(states.get(4_200_000_001)).toEqual({ ...presence('u_v', 'Vera'), role: 'viewer' });
    expect(states.has(4_200_000_002)).toBe(false);
    expect(states.has(4_200_000_003)).toBe(false);
  });
});
