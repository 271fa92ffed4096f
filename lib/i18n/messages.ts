/**
 * Every interface string, in every language. English (en.ts) is the reference; Spanish
 * (es.ts) is typed so that it must translate every English key. Placeholders are written
 * `{name}` and filled by interpolate() in translate.ts.
 */
import type { BlockId } from '@/lib/model/blocks';
import type { NoteColor } from '@/lib/model/colors';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import type { Locale } from './locale';

export { en, es };
export type { MessageKey, Messages };

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, es };

/** Key of a block's title, e.g. 'block.channels.title'. */
export function blockTitleKey(block: BlockId): MessageKey {
  return `block.${block}.title`;
}

/** Key of the faint guiding question shown in an empty block. */
export function blockQuestionKey(block: BlockId): MessageKey {
  return `block.${block}.question`;
}

/** Key of a note colour's display name, e.g. 'color.teal'. */
export function colorNameKey(color: NoteColor): MessageKey {
  return `color.${color}`;
}
