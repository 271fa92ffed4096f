import { describe, expect, it } from 'vitest';
import { ROOT, WORKSHOP_KEYS } from '../model';
import { readFollow, startFollow, stopFollow } from './follow';
import { ModelError } from './model-error';
import { REMOTE_ORIGIN, newBoard } from './test-support';

describe('follow me', () => {
  it('starts, brings everyone back with a new `since`, and stops', () => {
    const doc = newBoard();
    expect(readFollow(doc)).toBeNull();
    startFollow(doc, { id: 'u_AAAAAAAAAAAAAAAA', name: 'Ana' }, 100);
    expect(readFollow(doc)).toEqual({ leader: 'u_AAAAAAAAAAAAAAAA', name: 'Ana', since: 100 });
    startFollow(doc, { id: 'u_AAAAAAAAAAAAAAAA', name: 'Ana' }, 200);
    expect(readFollow(doc)?.since).toBe(200);
    stopFollow(doc);
    expect(readFollow(doc)).toBeNull();
  });

  it('refuses a leader without an id, and reads a garbled value as off', () => {
    const doc = newBoard();
    expect(() => startFollow(doc, { id: '', name: 'Ana' })).toThrow(ModelError);
    doc.transact(
      () => doc.getMap(ROOT.workshop).set(WORKSHOP_KEYS.follow, { leader: 7, since: 'now' }),
      REMOTE_ORIGIN,
    );
    expect(readFollow(doc)).toBeNull();
  });
});
