'use client';
import { useEffect } from 'react';
import { useLatest } from '@/components/board/use-latest';
import type { Tool } from '@/lib/view/tools';

/** Nudge distances in board units: a fine step, and a big one with Shift. */
export const NUDGE_STEP = 4;
export const NUDGE_STEP_BIG = 40;

export interface ShortcutHandlers {
  newNote(): void;
  editSelected(): void;
  deleteSelected(): void;
  duplicateSelected(): void;
  undo(): void;
  redo(): void;
  nudge(dx: number, dy: number): void;
  step(backwards: boolean): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  clearSelection(): void;
  selectTool(tool: Tool): void;
  help(): void;
  setSpacePanning(on: boolean): void;
}

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

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The board's keyboard (the table in the help dialog), active while `enabled`. */
export function useBoardShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useLatest(handlers);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
      const h = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod) {
        if (key === 'z' || key === 'Z') return run(event.shiftKey ? h.redo : h.undo);
        if (key === 'y') return run(h.redo);
        if (key === 'd') return run(h.duplicateSelected);
        if (key === '0') return run(h.fit);
        if (key === '+' || key === '=') return run(h.zoomIn);
        if (key === '-') return run(h.zoomOut);
        return;
      }
      if (!isOnBoard(event.target)) return;
      const arrow = ARROWS[key];
      if (arrow) {
        const step = event.shiftKey ? NUDGE_STEP_BIG : NUDGE_STEP;
        return run(() => h.nudge(arrow[0] * step, arrow[1] * step));
      }
      switch (key) {
        case 'n':
        case 'N':
          return run(h.newNote);
        case 'Enter':
          return run(h.editSelected);
        case 'Delete':
        case 'Backspace':
          return run(h.deleteSelected);
        case 'Tab':
          return run(() => h.step(event.shiftKey));
        case 'Escape':
          return run(h.clearSelection);
        case 'v':
        case 'V':
          return run(() => h.selectTool('select'));
        case 'c':
        case 'C':
          return run(() => h.selectTool('connect'));
        case 'h':
        case 'H':
          return run(() => h.selectTool('pan'));
        case '?':
          return run(h.help);
        case ' ':
          if (!event.repeat) h.setSpacePanning(true);
          event.preventDefault();
          return;
      }
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
