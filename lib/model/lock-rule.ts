import type { BlockId } from './blocks';
import { blockOfRect } from './layout';
import { isBlockLocked, type WorkshopLocks } from './workshop-locks';

/**
 * The facilitator's locks, decided by where a note is. Written once, here, and called by the
 * server's update guard (server/sync/update-guard.ts), the page's gate before it writes
 * (lib/doc/lock-gate.ts) and the interface (`lockedForMe`, components/board-page), so the
 * three can never disagree, private drafts included.
 *
 * A note is in the block under its centre (`blockOfRect`, what every write of ours stores in
 * its `block` field). The field itself decides nothing: a stock client can write any value
 * there, and what people see is the note where its coordinates put it.
 */

/** A note's place as stored: values read from a document, so of any type a peer wrote. */
export interface NotePlace {
  readonly x: unknown;
  readonly y: unknown;
  readonly width: unknown;
  readonly height: unknown;
  readonly block: unknown;
}

/** Why an editor may not make a change: the whole board is locked, or a block it touches. */
export type LockRefusal = 'board' | 'block';

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** The block a note is in, by its geometry; null when its geometry puts it in none. */
export function blockOfPlace(place: NotePlace): BlockId | null {
  const { x, y, width, height } = place;
  if (!isNumber(x) || !isNumber(y) || !isNumber(width) || !isNumber(height)) return null;
  return blockOfRect({ x, y, width, height });
}

/** A change to a board field (the title): only the board lock stops it. */
export function boardFieldRefusal(locks: WorkshopLocks): LockRefusal | null {
  return locks.board ? 'board' : null;
}

/**
 * Why an editor may not change one note, or null. `before` is the note as it is (null: the
 * change creates it), `after` as the change leaves it (null: the change deletes it); a change
 * that leaves its place alone (text, colour, labels) passes the same note twice. A note in a
 * locked block may not be created, changed, deleted, moved out of it or into it.
 * Facilitators are never locked out: callers do not ask for them.
 */
export function lockRefusal(
  locks: WorkshopLocks,
  before: NotePlace | null,
  after: NotePlace | null,
): LockRefusal | null {
  if (locks.board) return 'board';
  if (locks.blocks.length === 0) return null;
  for (const place of [before, after]) {
    const block = place && blockOfPlace(place);
    if (block && isBlockLocked(locks, block)) return 'block';
  }
  return null;
}

const PLACE_KEYS = ['x', 'y', 'width', 'height', 'block'] as const;

/**
 * True when a change leaves a note whose `block` field is not the block its geometry puts it
 * in (or in no block at all), for a note the change creates or whose place it changes. Notes
 * it leaves where they are are not judged: a board imported or written before this rule may
 * hold such notes, and recolouring one must not be refused for it. Applies to every role.
 */
export function misplaced(before: NotePlace | null, after: NotePlace | null): boolean {
  if (!after) return false;
  if (before && PLACE_KEYS.every((key) => Object.is(before[key], after[key]))) return false;
  const block = blockOfPlace(after);
  return block === null || block !== after.block;
}
