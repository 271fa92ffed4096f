/**
 * The keyboard table of UX.md, as data for the help dialog. A row lists alternative key
 * combinations ("Delete or Backspace"); a combination lists the keys pressed together. Key
 * names that differ between languages (Intro, Supr, Mayús) are message keys; the rest are
 * written as printed on the keycap.
 */
import type { MessageKey } from '@/lib/i18n/messages';

/** A key: its translated name, or its keycap text. */
export type KeyName = { readonly name: MessageKey } | { readonly cap: string };
export type KeyCombo = readonly KeyName[];

export interface ShortcutRow {
  readonly id: string;
  readonly combos: readonly KeyCombo[];
  readonly action: MessageKey;
}

const cap = (text: string): KeyName => ({ cap: text });
const named = (name: MessageKey): KeyName => ({ name });
const CTRL_CMD = named('key.ctrlCmd');
const SHIFT = named('key.shift');

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
  {
    id: 'delete',
    combos: [[named('key.delete')], [named('key.backspace')]],
    action: 'help.action.delete',
  },
  { id: 'duplicate', combos: [[CTRL_CMD, cap('D')]], action: 'help.action.duplicate' },
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
