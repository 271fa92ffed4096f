import type { BlockId } from './blocks';
import type { NoteColor } from './colors';
import type { Point, Rect } from './geometry';
import { isNoteId, type NoteId } from './ids';
import {
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  MAX_AUTHOR_LENGTH,
  noteFieldsSchema,
  type NoteFields,
} from './records/note';
import type { RelationshipLabels, RelationshipLinks } from './relationship';

export {
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_SIZE,
  MIN_NOTE_SIZE,
  type NoteFields,
} from './records/note';

/** Top-left corner of a new default-sized note centred on `center` (where it was asked for). */
export function newNoteCornerAt(center: Point): Point {
  return { x: center.x - DEFAULT_NOTE_WIDTH / 2, y: center.y - DEFAULT_NOTE_HEIGHT / 2 };
}

/**
 * One sticky note, as React sees it: an immutable snapshot of the note's Y.Map. The stored
 * fields are listed in docs/SCHEMA.md; the `text` here is derived from the note's
 * Y.XmlFragment (rich text) as plain text for the canvas and the HTTP API.
 */
export interface NoteRecord {
  /** Unique within the board; also the key of the note in the `notes` map. */
  readonly id: NoteId;
  /** The block the note belongs to: the one under its centre, kept up to date on every move. */
  readonly block: BlockId;
  /** Top-left corner in board units (see lib/model/layout.ts). */
  readonly x: number;
  readonly y: number;
  /** Size in board units, between MIN_NOTE_SIZE and MAX_NOTE_SIZE. */
  readonly width: number;
  readonly height: number;
  /** A palette name (lib/model/colors.ts), never a raw CSS value. */
  readonly color: NoteColor;
  /**
   * Stacking order: higher is drawn on top. Writers use the highest z + 1, so two peers
   * creating notes at once may tie; readers then order by id, the same on every peer.
   */
  readonly z: number;
  /** Display name of whoever created the note. */
  readonly author: string;
  /** Creation time, milliseconds since the epoch. */
  readonly createdAt: number;
  /** The note's text as plain text (paragraphs on separate lines, list items bulleted). */
  readonly text: string;
  /**
   * Customer Relationships labels (meaningful in that block; kept if the note moves out, so
   * moving it back loses nothing). Invalid values from a peer read as unset.
   */
  readonly relationship: RelationshipLabels;
  /** Links to Channels and Customer Segments notes; only to notes that exist. */
  readonly links: RelationshipLinks;
}

export function noteRect(note: Pick<NoteRecord, 'x' | 'y' | 'width' | 'height'>): Rect {
  return { x: note.x, y: note.y, width: note.width, height: note.height };
}

/** Every field but the author, which readers cut to length rather than drop the note for. */
const readFieldsSchema = noteFieldsSchema.omit({ author: true });

/**
 * Validates stored note fields coming from any peer. A peer running other code can write
 * anything into a shared document; readers drop what does not fit instead of crashing.
 */
export function parseNoteFields(id: unknown, raw: Record<string, unknown>): NoteFields | null {
  if (!isNoteId(id)) return null;
  const parsed = readFieldsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { author } = raw;
  return {
    ...parsed.data,
    author: typeof author === 'string' ? author.slice(0, MAX_AUTHOR_LENGTH) : '',
  };
}

/**
 * A stored note field's value fit to be written again (a duplicate, a restore), or undefined
 * when it may not be: a board may hold values a peer wrote before the server checked them.
 */
export function noteFieldToCopy(key: keyof NoteFields, value: unknown): unknown {
  if (key === 'author' && typeof value === 'string') return value.slice(0, MAX_AUTHOR_LENGTH);
  return noteFieldsSchema.shape[key].safeParse(value).success ? value : undefined;
}
