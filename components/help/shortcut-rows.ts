/**
 * The keyboard table of UX.md, as data for the help dialog. A row lists alternative key
 * combinations ("Delete or Backspace"); a combination lists the keys pressed together. The
 * rows of the gestures offered for the selection come from the gesture table
 * (lib/gestures/gesture-table.ts), with the keys the board's handler runs them by.
 */
import { SELECTION_GESTURES } from '@/lib/gestures/selection-gestures';
import type { MessageKey } from '@/lib/i18n/messages';
import { cap, combosOf, CTRL_CMD, named, SHIFT, type KeyCombo } from './key-names';

export type { KeyCombo, KeyName } from './key-names';

export interface ShortcutRow {
  readonly id: string;
  readonly combos: readonly KeyCombo[];
  readonly action: MessageKey;
}

/** One row per gesture of the table offered for the selection, in the table's order. */
export const GESTURE_ROWS: readonly ShortcutRow[] = SELECTION_GESTURES.map(({ name, ui }) => ({
  id: name,
  combos: combosOf(ui.key),
  action: ui.help,
}));

export const SHORTCUT_ROWS: readonly ShortcutRow[] = [
  { id: 'select-tool', combos: [[cap('V')]], action: 'help.action.selectTool' },
  { id: 'new-note', combos: [[cap('N')]], action: 'help.action.newNote' },
  { id: 'connect-tool', combos: [[cap('C')]], action: 'help.action.connectTool' },
  { id: 'pan-tool', combos: [[cap('H')]], action: 'help.action.panTool' },
  {
    id: 'edit',
    combos: [[named('key.enter')], [named('key.doubleClick')]],
    action: 'help.action.edit',
  },
  { id: 'leave', combos: [[named('key.esc')]], action: 'help.action.leave' },
  ...GESTURE_ROWS,
  { id: 'undo', combos: [[CTRL_CMD, cap('Z')]], action: 'help.action.undo' },
  { id: 'redo', combos: [[SHIFT, CTRL_CMD, cap('Z')]], action: 'help.action.redo' },
  {
    id: 'nudge',
    combos: [[named('key.arrows')], [SHIFT, named('key.arrows')]],
    action: 'help.action.nudge',
  },
  {
    id: 'next-note',
    combos: [[named('key.tab')], [SHIFT, named('key.tab')]],
    action: 'help.action.nextNote',
  },
  { id: 'fit', combos: [[CTRL_CMD, cap('0')]], action: 'help.action.fit' },
  { id: 'zoom-in', combos: [[CTRL_CMD, cap('+')]], action: 'help.action.zoomIn' },
  { id: 'zoom-out', combos: [[CTRL_CMD, cap('-')]], action: 'help.action.zoomOut' },
  {
    id: 'pan',
    combos: [[named('key.space'), named('key.drag')]],
    action: 'help.action.pan',
  },
  {
    id: 'wheel-zoom',
    combos: [[cap('Ctrl'), named('key.wheel')]],
    action: 'help.action.wheelZoom',
  },
  { id: 'help', combos: [[cap('?')]], action: 'help.action.help' },
];
