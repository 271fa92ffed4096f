'use client';
import type { NoteRecord, Point } from '@/lib/model';
import type { ConnectionStatus } from '@/lib/sync';

/**
 * A read-only window into the board for browser tests: Konva draws on a canvas, so tests
 * cannot find notes in the DOM. Installed in development, or when the test harness sets
 * localStorage[TEST_HOOK_FLAG] = '1' before the page loads; it exposes nothing a participant
 * could not already see on the board.
 */
export const TEST_HOOK_FLAG = 'lienzo:test-hooks';

export interface LienzoTestHook {
  notes(): NoteRecord[];
  title(): string;
  status(): ConnectionStatus;
  /** Where a board point is on the page, in CSS pixels (for mouse gestures). */
  toClient(point: Point): Point;
  canUndo(): boolean;
}

declare global {
  interface Window {
    __lienzo?: LienzoTestHook;
  }
}

export function testHookEnabled(): boolean {
  if (process.env.NODE_ENV !== 'production') return true;
  try {
    return window.localStorage.getItem(TEST_HOOK_FLAG) === '1';
  } catch {
    return false;
  }
}
