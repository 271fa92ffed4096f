'use client';
import { useMemo } from 'react';
import {
  pauseTimer,
  resetTimer,
  setBlockLocked,
  setBoardLocked,
  setTimerDuration,
  startPrivateWriting,
  startTimer,
} from '../doc';
import type { BlockId } from '../model';
import type { BoardConnection } from '../sync';

/** The facilitator's timer and lock gestures, bound to the open board. */
export interface WorkshopActions {
  setTimerDuration(durationMs: number): void;
  startTimer(): void;
  pauseTimer(): void;
  resetTimer(): void;
  lockBoard(locked: boolean): void;
  lockBlock(block: BlockId, locked: boolean): void;
  /** Starts private writing (the reveal, which ends it, is the server's: lib/api/reveal.ts). */
  startPrivateWriting(): void;
}

/**
 * The gestures for a facilitator's page, null for everyone else (the server refuses their
 * writes to the workshop map anyway). `serverOffset` turns this browser's clock into the
 * server's, so a started timer ends at the same instant everywhere.
 */
export function useWorkshopActions(
  connection: BoardConnection | null,
  isFacilitator: boolean,
  serverOffset: number,
): WorkshopActions | null {
  return useMemo(() => {
    if (!connection || !isFacilitator) return null;
    const { doc } = connection;
    const now = () => Date.now() + serverOffset;
    return {
      setTimerDuration: (durationMs) => setTimerDuration(doc, durationMs),
      startTimer: () => startTimer(doc, now()),
      pauseTimer: () => pauseTimer(doc, now()),
      resetTimer: () => resetTimer(doc),
      lockBoard: (locked) => setBoardLocked(doc, locked),
      lockBlock: (block, locked) => setBlockLocked(doc, block, locked),
      startPrivateWriting: () => startPrivateWriting(doc, now()),
    };
  }, [connection, isFacilitator, serverOffset]);
}
