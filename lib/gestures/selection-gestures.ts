import type { NoteId } from '../model';
import type { BoardActions, GestureActions, GestureName } from './board-gestures';
import type { GestureKey, SelectionUi } from './gesture-entry';
import { GESTURES } from './gesture-table';

/**
 * The gestures the interface offers for the selected notes, read from the table: the note
 * panel's buttons (components/panel/gesture-buttons.tsx), the board's keys
 * (components/board-page/board-keys.ts) and their rows in the help dialog
 * (components/help/shortcut-rows.ts) all come from this list.
 */

/** Gestures whose only argument is a list of note ids: the ones a selection can run. */
export type SelectionGestureName = {
  [K in GestureName]: Parameters<GestureActions[K]> extends [readonly NoteId[]] ? K : never;
}[GestureName];

export interface SelectionGesture {
  readonly name: SelectionGestureName;
  readonly ui: SelectionUi;
}

/** Every entry of the table that declares how it is offered for the selection, in order. */
export const SELECTION_GESTURES: readonly SelectionGesture[] = Object.entries(GESTURES).flatMap(
  ([name, entry]) =>
    // The entry type allows `selection` only on gestures of one list of ids.
    entry.selection ? [{ name: name as SelectionGestureName, ui: entry.selection }] : [],
);

/** A key press, as the board's keyboard handler reads it. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** True when the press is one of the gesture's keys (a letter in either case). */
export function matchesKey(press: KeyPress, key: GestureKey): boolean {
  const mod = press.ctrlKey || press.metaKey;
  const pressed = press.key.toLowerCase();
  return mod === Boolean(key.mod) && key.keys.some((k) => k.toLowerCase() === pressed);
}

/** The selection gesture a key press runs, or null. */
export function selectionGestureFor(press: KeyPress): SelectionGesture | null {
  return SELECTION_GESTURES.find(({ ui }) => matchesKey(press, ui.key)) ?? null;
}

/**
 * Runs a selection gesture on the selected notes (nothing when none is selected), then selects
 * what it returns when its entry says so (the copies of a duplicate).
 */
export function applyToSelection(
  actions: BoardActions,
  name: SelectionGestureName,
  ids: readonly NoteId[],
  select: (ids: NoteId[]) => void,
): void {
  if (ids.length === 0) return;
  const result: unknown = actions[name](ids);
  if (GESTURES[name].selection?.selectsResult && Array.isArray(result)) select(result);
}
