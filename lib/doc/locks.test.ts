import { describe, expect, it } from 'vitest';
import { ROOT, WORKSHOP_KEYS, type BlockId } from '../model';
import { isBlockLocked, readLocks } from '../model/workshop-locks';
import { readBoardLocks, setBlockLocked, setBoardLocked } from './locks';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';
import { newBoard, recordTransactions } from './test-support';

describe('locks', () => {
  it('locks and unlocks the board and single blocks, one transaction each', () => {
    const doc = newBoard();
    const log = recordTransactions(doc);
    setBlockLocked(doc, 'channels', true);
    setBlockLocked(doc, 'channels', true);
    setBoardLocked(doc, true);
    expect(readBoardLocks(doc)).toEqual({ board: true, blocks: ['channels'] });
    expect(log.origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN]);
    setBoardLocked(doc, false);
    expect(isBlockLocked(readBoardLocks(doc), 'channels')).toBe(true);
    expect(isBlockLocked(readBoardLocks(doc), 'costStructure')).toBe(false);
    setBlockLocked(doc, 'channels', false);
    expect(readBoardLocks(doc)).toEqual({ board: false, blocks: [] });
  });

  it('refuses an unknown block', () => {
    const doc = newBoard();
    expect(() => setBlockLocked(doc, 'lobby' as BlockId, true)).toThrow(ModelError);
  });

  it("reads a peer's invalid value leniently", () => {
    expect(readLocks(null)).toEqual({ board: false, blocks: [] });
    expect(readLocks({ board: 'yes', blocks: ['channels', 'x', 'channels', 3] })).toEqual({
      board: false,
      blocks: ['channels'],
    });
    const doc = newBoard();
    doc.getMap(ROOT.workshop).set(WORKSHOP_KEYS.locks, 42);
    expect(readBoardLocks(doc)).toEqual({ board: false, blocks: [] });
  });
});
