import type { BoardSnapshot } from './read-board';

/**
 * What the page draws while private writing is on: the board's notes and this person's
 * draft notes (drawn above the board's, as the newest). The board's snapshot itself when the
 * draft is empty, so nothing re-renders for it.
 */
export function mergeSnapshots(board: BoardSnapshot, draft: BoardSnapshot): BoardSnapshot {
  if (draft.notes.size === 0) return board;
  return {
    meta: board.meta,
    notes: new Map([...board.notes, ...draft.notes]),
    ordered: [...board.ordered, ...draft.ordered],
  };
}
