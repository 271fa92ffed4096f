/**
 * How keys are written for people: in the help dialog's table and on the note panel's
 * buttons. Key names that differ between languages (Intro, Supr, Mayús) are message keys; the
 * rest are written as printed on the keycap.
 */
import type { GestureKey } from '@/lib/gestures/gesture-entry';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';

/** A key: its translated name, or its keycap text. */
export type KeyName = { readonly name: MessageKey } | { readonly cap: string };
/** Keys pressed together. */
export type KeyCombo = readonly KeyName[];

export const cap = (text: string): KeyName => ({ cap: text });
export const named = (name: MessageKey): KeyName => ({ name });
export const CTRL_CMD = named('key.ctrlCmd');
export const SHIFT = named('key.shift');

/** `KeyboardEvent.key` values whose name is translated. */
const NAMED_KEYS: Readonly<Record<string, MessageKey>> = {
  Delete: 'key.delete',
  Backspace: 'key.backspace',
  Enter: 'key.enter',
  Escape: 'key.esc',
  Tab: 'key.tab',
  ' ': 'key.space',
};

/** A gesture's key as written: each alternative a combination, with Ctrl/Cmd first if needed. */
export function combosOf(key: GestureKey): KeyCombo[] {
  return key.keys.map((k) => {
    const name = NAMED_KEYS[k];
    const main = name ? named(name) : cap(k.length === 1 ? k.toUpperCase() : k);
    return key.mod ? [CTRL_CMD, main] : [main];
  });
}

/** The same keys in aria-keyshortcuts syntax ("Control+D Meta+D", "Delete Backspace"). */
export function ariaKeyShortcuts(key: GestureKey): string {
  return key.keys
    .flatMap((k) => {
      const main = k.length === 1 ? k.toUpperCase() : k;
      return key.mod ? [`Control+${main}`, `Meta+${main}`] : [main];
    })
    .join(' ');
}

export function keyText(key: KeyName, t: Translate): string {
  return 'cap' in key ? key.cap : t(key.name);
}

/** A combination on one line: "Ctrl/Cmd + D". */
export function comboText(combo: KeyCombo, t: Translate): string {
  return combo.map((key) => keyText(key, t)).join(' + ');
}
