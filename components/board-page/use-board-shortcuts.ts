'use client';
import { useEffect } from 'react';
import { useLatest } from '@/components/board/use-latest';
import { boardKeyAction, type ShortcutHandlers } from './board-keys';

/** True when a key press belongs to a text field or the note editor, not to the board. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Plain keys (N, Enter, Delete, Tab, arrows, space) act on the board only when the focus is
 * on the board itself (or nowhere), so Tab and Enter keep their usual meaning on buttons.
 */
export const BOARD_SURFACE_ATTRIBUTE = 'data-board-surface';
function isOnBoard(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.closest(`[${BOARD_SURFACE_ATTRIBUTE}]`) !== null;
}

/** The board's keyboard (board-keys.ts; the table in the help dialog), active while `enabled`. */
export function useBoardShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useLatest(handlers);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
      const action = boardKeyAction(event, isOnBoard(event.target));
      if (!action) return;
      event.preventDefault();
      action(latest.current);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') latest.current.setSpacePanning(false);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [enabled, latest]);
}
