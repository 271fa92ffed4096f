import type * as Y from 'yjs';
import { readBoardLocks, readBoardPrivateWriting, readBoardTimer } from '../doc';
import type { PrivateWriting } from '../model/private-writing';
import type { WorkshopLocks } from '../model/workshop-locks';
import type { WorkshopTimer } from '../model/workshop-timer';
import { sameJson } from '../view/keep-identity';

/** The facilitator's state of the board (the `workshop` map), as everyone sees it. */
export interface WorkshopState {
  readonly timer: WorkshopTimer;
  readonly locks: WorkshopLocks;
  readonly privateWriting: PrivateWriting;
}

/**
 * Reads the workshop map again, keeping the identity of each part that did not change (a
 * timer tick re-renders the timer, not what reads the locks), and of the whole when nothing did.
 */
export function readWorkshop(doc: Y.Doc, previous: WorkshopState | null): WorkshopState {
  const next: WorkshopState = {
    timer: readBoardTimer(doc),
    locks: readBoardLocks(doc),
    privateWriting: readBoardPrivateWriting(doc),
  };
  if (!previous) return next;
  const kept: WorkshopState = {
    timer: sameJson(previous.timer, next.timer),
    locks: sameJson(previous.locks, next.locks),
    privateWriting: sameJson(previous.privateWriting, next.privateWriting),
  };
  const unchanged =
    kept.timer === previous.timer &&
    kept.locks === previous.locks &&
    kept.privateWriting === previous.privateWriting;
  return unchanged ? previous : kept;
}
