'use client';
import { readBoardLocks, readBoardTimer } from '../doc';
import { NO_LOCKS, type WorkshopLocks } from '../model/workshop-locks';
import { IDLE_TIMER, type WorkshopTimer } from '../model/workshop-timer';
import type { BoardConnection } from '../sync';
import { useWorkshopValue } from './use-workshop-value';

/** The shared timer, as everyone sees it. */
export function useBoardTimer(connection: BoardConnection | null): WorkshopTimer {
  return useWorkshopValue(connection, readBoardTimer, IDLE_TIMER);
}

/** The facilitator's locks, as everyone sees them. */
export function useBoardLocks(connection: BoardConnection | null): WorkshopLocks {
  return useWorkshopValue(connection, readBoardLocks, NO_LOCKS);
}

/** The facilitator's timer, lock and private-writing gestures (lib/gestures/gesture-table.ts). */
export type { WorkshopActions } from '../gestures';
