import { describe, expect, it } from 'vitest';
import {
  boardKeyAction,
  NUDGE_STEP_BIG,
  type BoardKeyPress,
  type ShortcutHandlers,
} from '@/components/board-page/board-keys';
import { combosOf } from '@/components/help/key-names';
import { SHORTCUT_ROWS } from '@/components/help/shortcut-rows';
import { GESTURES } from '@/lib/gestures/gesture-table';
import { SELECTION_GESTURES } from '@/lib/gestures/selection-gestures';

/**
 * The board's keys and the help dialog's rows for the selection's gestures come from the
 * gesture table: every entry that declares a key is run by it and listed with it.
 */

/** Handlers that record what a key press ran. */
function recorder() {
  const calls: unknown[][] = [];
  const handlers = new Proxy({} as ShortcutHandlers, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        calls.push([name, ...args]),
  });
  return { calls, handlers };
}

const press = (key: string, more: Partial<BoardKeyPress> = {}): BoardKeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...more,
});

/** What a press runs on the board (or elsewhere, with `onBoard` false). */
function ran(p: BoardKeyPress, onBoard = true): unknown[][] {
  const { calls, handlers } = recorder();
  boardKeyAction(p, onBoard)?.(handlers);
  return calls;
}

const offered = Object.entries(GESTURES).filter(([, entry]) => entry.selection);

describe('the selection gestures of the table', () => {
  it('are every entry that declares how it is offered', () => {
    expect(SELECTION_GESTURES.map((g) => g.name)).toEqual(offered.map(([name]) => name));
    expect(SELECTION_GESTURES.map((g) => g.name)).toContain('bringToFront');
  });

  it.each(
    SELECTION_GESTURES.flatMap(({ name, ui }) =>
      ui.key.keys.map((key) => ({ name, key, mod: ui.key.mod })),
    ),
  )('run $name by its key $key', ({ name, key, mod }) => {
    for (const p of mod
      ? [press(key, { ctrlKey: true }), press(key, { metaKey: true })]
      : [press(key)]) {
      expect(ran(p)).toEqual([['selectionGesture', name]]);
    }
    // Plain keys belong to the board only when it has the focus; Ctrl/Cmd keys act anywhere.
    expect(ran(mod ? press(key, { ctrlKey: true }) : press(key), false)).toEqual(
      mod ? [['selectionGesture', name]] : [],
    );
  });

  it('have keys of their own: no two gestures share one', () => {
    const keys = SELECTION_GESTURES.flatMap(({ ui }) =>
      ui.key.keys.map((k) => `${ui.key.mod ? 'mod+' : ''}${k.toLowerCase()}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are listed in the help dialog with the keys that run them', () => {
    for (const { name, ui } of SELECTION_GESTURES) {
      expect(SHORTCUT_ROWS.filter((row) => row.id === name)).toEqual([
        { id: name, combos: combosOf(ui.key), action: ui.help },
      ]);
    }
    expect(SHORTCUT_ROWS.find((row) => row.id === 'bringToFront')?.combos).toEqual([
      [{ cap: ']' }],
    ]);
    expect(SHORTCUT_ROWS.find((row) => row.id === 'duplicateNotes')?.combos).toEqual([
      [{ name: 'key.ctrlCmd' }, { cap: 'D' }],
    ]);
  });

  it("leave the page's own keys as they were", () => {
    expect(ran(press('z', { ctrlKey: true }))).toEqual([['undo']]);
    expect(ran(press('Z', { metaKey: true, shiftKey: true }))).toEqual([['redo']]);
    expect(ran(press('ArrowLeft', { shiftKey: true }))).toEqual([['nudge', -NUDGE_STEP_BIG, 0]]);
    expect(ran(press('n'))).toEqual([['newNote']]);
    expect(ran(press('n'), false)).toEqual([]);
    expect(ran(press(' ', { repeat: true }))).toEqual([]);
    expect(ran(press(']', { ctrlKey: true }))).toEqual([]);
  });
});
