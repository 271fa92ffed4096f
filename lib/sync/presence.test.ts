import { describe, expect, it } from 'vitest';
import { followedPeer, readPeers } from './presence';

const user = { id: 'u_AAAAAAAAAAAAAAAA', name: 'Ana', color: '#112233' };

describe('readPeers', () => {
  it('drops a state without a user, and sorts peers self first', () => {
    const states = new Map<number, unknown>([
      [1, { user: { ...user, name: 'Zoe' } }],
      [2, { user }],
      [3, { nobody: true }],
    ]);
    expect(readPeers(states, 1).map((p) => [p.clientId, p.isSelf])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('followedPeer', () => {
  const view = { x: 1, y: 2, width: 3, height: 4 };
  const leader = { ...user, id: 'u_leader' };

  it('is the leader’s user id on a state the server stamped as a facilitator’s', () => {
    const states = new Map<number, unknown>([
      [1, { user: { ...user, name: 'Me' } }],
      [2, { user: leader, view: { ...view, x: 9 }, role: 'viewer' }],
      [3, { user: leader, view: { ...view, x: 8 }, role: 'editor' }],
      [4, { user: leader, view: { ...view, x: 7 } }],
      [5, { user: leader, view, role: 'facilitator' }],
    ]);
    expect(followedPeer(readPeers(states, 1), 'u_leader')?.clientId).toBe(5);
  });

  it('is nobody when only others claim the leader’s id, or the leader is oneself', () => {
    const claims = new Map<number, unknown>([[2, { user: leader, view, role: 'editor' }]]);
    expect(followedPeer(readPeers(claims, 1), 'u_leader')).toBeUndefined();
    const self = new Map<number, unknown>([[1, { user: leader, view, role: 'facilitator' }]]);
    expect(followedPeer(readPeers(self, 1), 'u_leader')).toBeUndefined();
  });
});
