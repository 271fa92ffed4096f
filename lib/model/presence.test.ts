import { describe, expect, it } from 'vitest';
import { readPresence } from './presence';

const user = { id: 'u_AAAAAAAAAAAAAAAA', name: 'Ana', color: '#112233' };

describe('readPresence', () => {
  it('reads a full state, with a leader’s view and the role the server stamped', () => {
    const view = { x: 10, y: 20, width: 800, height: 500 };
    const state = { user, cursor: { x: 1, y: 2 }, editing: null, selection: [], view };
    expect(readPresence({ ...state, role: 'facilitator' })).toEqual({
      ...state,
      role: 'facilitator',
    });
  });

  it.each([
    ['missing', undefined],
    ['not a rect', { x: 1, y: 2 }],
    ['an empty rect', { x: 1, y: 2, width: 0, height: 10 }],
    ['not numbers', { x: '1', y: 2, width: 3, height: 4 }],
  ])('reads a view that is %s as none', (_, view) => {
    expect(readPresence({ user, view })?.view).toBeNull();
  });

  it('reads an unknown role as none, and drops a state without a user', () => {
    expect(readPresence({ user, role: 'admin' })?.role).toBeNull();
    expect(readPresence({ cursor: null })).toBeNull();
    expect(readPresence({ user: null })).toBeNull();
  });

  it('keeps only what it knows, within bounds', () => {
    const long = 'x'.repeat(200);
    const read = readPresence({ user: { id: long, name: long, color: 'red' }, extra: 1 });
    expect(read).toEqual({
      user: { id: 'x'.repeat(64), name: 'x'.repeat(40), color: '#888888' },
      cursor: null,
      editing: null,
      selection: [],
      view: null,
      role: null,
    });
  });
});
