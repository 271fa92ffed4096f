import { isBlockId, type BlockId } from './blocks';

/**
 * The facilitator's locks, stored as one plain value under workshop.locks (WORKSHOP_KEYS.locks)
 * and replaced whole on every toggle: only the facilitator writes it, so there are no
 * concurrent writers to merge, and the server's update guard reads it in one lookup.
 */
export interface WorkshopLocks {
  /** The whole board: editors change no note and no board field. */
  board: boolean;
  /** Single blocks: editors create, change, delete and move no note in or out of them. */
  blocks: readonly BlockId[];
}

export const NO_LOCKS: WorkshopLocks = { board: false, blocks: [] };

/** Reads a stored value from any peer; anything invalid counts as "not locked", never throws. */
export function readLocks(value: unknown): WorkshopLocks {
  if (typeof value !== 'object' || value === null) return NO_LOCKS;
  const { board, blocks } = value as { board?: unknown; blocks?: unknown };
  return {
    board: board === true,
    blocks: Array.isArray(blocks) ? [...new Set(blocks.filter(isBlockId))] : [],
  };
}

/** True when editors may not change notes in `block` (the board lock covers every block). */
export function isBlockLocked(locks: WorkshopLocks, block: BlockId): boolean {
  return locks.board || locks.blocks.includes(block);
}
