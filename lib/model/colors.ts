/**
 * The sticky-note palette: soft colours that keep black text readable. Stored in documents
 * by name, so the hex values can be retuned without touching any board.
 */
export const NOTE_COLORS = {
  yellow: '#fff3a3',
  orange: '#ffd6a5',
  pink: '#ffc8dd',
  purple: '#e2d3ff',
  blue: '#cde7ff',
  green: '#caffbf',
  teal: '#b9f3e4',
  gray: '#e9ecef',
} as const;

export type NoteColor = keyof typeof NOTE_COLORS;

export const NOTE_COLOR_NAMES = Object.keys(NOTE_COLORS) as NoteColor[];

export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && Object.hasOwn(NOTE_COLORS, value);
}
