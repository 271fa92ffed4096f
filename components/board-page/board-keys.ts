import {
  selectionGestureFor,
  type KeyPress,
  type SelectionGestureName,
} from '@/lib/gestures/selection-gestures';
import type { Tool } from '@/lib/view/tools';

/**
 * What a key press on the board does: the gestures the table offers for the selection (their
 * keys are declared in lib/gestures/gesture-table.ts, nowhere else), then the page's own
 * commands. Pure, so a test can press every key without a browser.
 */

/** Nudge distances in board units: a fine step, and a big one with Shift. */
export const NUDGE_STEP = 4;
export const NUDGE_STEP_BIG = 40;

/** What the page does for the keys that are not gestures of the table. */
export interface ShortcutHandlers {
  /** Runs a gesture of the table on the selection. */
  selectionGesture(name: SelectionGestureName): void;
  newNote(): void;
  editSelected(): void;
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

export interface BoardKeyPress extends KeyPress {
  readonly shiftKey: boolean;
  readonly repeat: boolean;
}

/** What to run for a key press, or null when the board does not use it. */
export type KeyAction = (handlers: ShortcutHandlers) => void;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The action for a press. Keys with Ctrl/Cmd act wherever the focus is (outside text fields);
 * plain keys only when the board itself has the focus (`onBoard`), so Tab and Enter keep their
 * usual meaning on buttons.
 */
export function boardKeyAction(press: BoardKeyPress, onBoard: boolean): KeyAction | null {
  const mod = press.ctrlKey || press.metaKey;
  const { key } = press;
  const gesture = selectionGestureFor(press);
  if (gesture && (mod || onBoard)) return (h) => h.selectionGesture(gesture.name);
  if (mod) {
    if (key === 'z' || key === 'Z') return (h) => (press.shiftKey ? h.redo() : h.undo());
    if (key === 'y') return (h) => h.redo();
    if (key === '0') return (h) => h.fit();
    if (key === '+' || key === '=') return (h) => h.zoomIn();
    if (key === '-') return (h) => h.zoomOut();
    return null;
  }
  if (!onBoard) return null;
  const arrow = ARROWS[key];
  if (arrow) {
    const step = press.shiftKey ? NUDGE_STEP_BIG : NUDGE_STEP;
    return (h) => h.nudge(arrow[0] * step, arrow[1] * step);
  }
  switch (key) {
    case 'n':
    case 'N':
      return (h) => h.newNote();
    case 'Enter':
      return (h) => h.editSelected();
    case 'Tab':
      return (h) => h.step(press.shiftKey);
    case 'Escape':
      return (h) => h.clearSelection();
    case 'v':
    case 'V':
      return (h) => h.selectTool('select');
    case 'c':
    case 'C':
      return (h) => h.selectTool('connect');
    case 'h':
    case 'H':
      return (h) => h.selectTool('pan');
    case '?':
      return (h) => h.help();
    case ' ':
      // Held: panning lasts until the key is released (see useBoardShortcuts).
      return (h) => !press.repeat && h.setSpacePanning(true);
  }
  return null;
}
