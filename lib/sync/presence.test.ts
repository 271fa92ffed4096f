import { describe, expect, it } from 'vitest';
import { readPeers, readPresence } from './presence';

const user = { id: 'u_AAAAAAAAAAAAAAAA', name: 'Ana', color: '#112233' };

describe('readPresence', () => {
  it('reads a full state, with a leader’s view', () => {
    const view = { x: 10, y: 20, width: 800, height: 500 };
    expect(
      readPresence({ user, cursor: { x: 1, y: 2 }, editing: null, selection: [], view }),
    ).toEqual({ user, cursor: { x: 1, y: 2 }, editing: null, selection: [], view });
  });

  it.each([
    ['missing', undefined],
    ['not a rect', { x: 1, y: 2 }],
    ['an empty rect', { x: 1, y: 2, width: 0, height: 10 }],
    ['not numbers', { x: '1', y: 2, width: 3, height: 4 }],
  ])('reads a view that is %s as none', (_, view) => {
    expect(readPresence({ user, view })?.view).toBeNull();
  });

  it('drops a state without a user, and sorts peers self first', () => {
    expect(readPresence({ cursor: null })).toBeNull();
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
