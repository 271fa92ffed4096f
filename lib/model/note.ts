import { isBlockId, type BlockId } from './blocks';
import { isNoteColor, type NoteColor } from './colors';
import type { Point, Rect } from './geometry';
import { isNoteId, type NoteId } from './ids';
import { BOARD_HEIGHT, BOARD_WIDTH } from './layout';
import type { RelationshipLabels, RelationshipLinks } from './relationship';

/** Note sizes in board units. The default fits three short lines at a readable size. */
export const DEFAULT_NOTE_WIDTH = 160;
export const DEFAULT_NOTE_HEIGHT = 110;
export const MIN_NOTE_SIZE = 60;
export const MAX_NOTE_SIZE = 600;
/** Top-left corner of a new default-sized note centred on `center` (where it was asked for). */
export function newNoteCornerAt(center: Point): Point {
  return { x: center.x - DEFAULT_NOTE_WIDTH / 2, y: center.y - DEFAULT_NOTE_HEIGHT / 2 };
}

/** Longest author name kept in a note; display names are short labels, not essays. */
export const MAX_AUTHOR_LENGTH = 60;

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

/** The stored scalar fields of a note, as written into its Y.Map (text is a nested type). */
export interface NoteFields {
  block: BlockId;
  x: number;
  y: number;
  width: number;
  height: number;
  color: NoteColor;
  z: number;
  author: string;
  createdAt: number;
}

export function noteRect(note: Pick<NoteRecord, 'x' | 'y' | 'width' | 'height'>): Rect {
  return { x: note.x, y: note.y, width: note.width, height: note.height };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const POSITION_SLACK = MAX_NOTE_SIZE; // notes may hang over the canvas edge by up to their size

/**
 * Validates stored note fields coming from any peer. A peer running other code can write
 * anything into a shared document; readers drop what does not fit instead of crashing.
 */
export function parseNoteFields(id: unknown, raw: Record<string, unknown>): NoteFields | null {
  if (!isNoteId(id)) return null;
  const { block, x, y, width, height, color, z, author, createdAt } = raw;
  if (!isBlockId(block) || !isNoteColor(color)) return null;
  if (![x, y, width, height, z, createdAt].every(isFiniteNumber)) return null;
  const size = [width, height] as number[];
  if (size.some((s) => s < MIN_NOTE_SIZE || s > MAX_NOTE_SIZE)) return null;
  const [px, py] = [x, y] as number[];
  if (px! < -POSITION_SLACK || px! > BOARD_WIDTH + POSITION_SLACK) return null;
  if (py! < -POSITION_SLACK || py! > BOARD_HEIGHT + POSITION_SLACK) return null;
  return {
    block,
    x: x as number,
    y: y as number,
    width: width as number,
    height: height as number,
    color,
    z: z as number,
    author: typeof author === 'string' ? author.slice(0, MAX_AUTHOR_LENGTH) : '',
    createdAt: createdAt as number,
  };
}
