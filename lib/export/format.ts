import type {
  CommentId,
  NoteFields,
  NoteId,
  RelationshipLabels,
  RelationshipLinks,
} from '../model';

/**
 * The Lienzo board file (`.lienzo.json`): a whole board with full fidelity, to keep, to move
 * between servers, and to import as a new board. Documented field by field in FORMAT.md.
 *
 * Versioning: `formatVersion` changes whenever a reader of the previous version would
 * misread or lose something of a new file. Version 2 added `comments` (the `comments` root of
 * the document); version 1 files (no comments) are still read. A reader refuses a file of a
 * newer version with a clear message rather than importing it half.
 */

/** What every board file says it is, so an unrelated JSON file is told apart at once. */
export const BOARD_FILE_FORMAT = 'lienzo-board';
/** The version this code writes and the newest it reads. */
export const BOARD_FILE_VERSION = 2;

/** One mark on a run of text, as ProseMirror's JSON has it: `{ type: 'link', attrs: { href } }`. */
export interface RichTextMark {
  type: string;
  /** The mark's attributes; absent when it has none (bold, italic). */
  attrs?: Record<string, AttrValue>;
}

/** Attribute values y-prosemirror stores: plain JSON scalars. */
export type AttrValue = string | number | boolean | null;

/** A run of text with its marks. */
export interface RichTextText {
  type: 'text';
  text: string;
  marks?: RichTextMark[];
}

/** A node (paragraph, bulletList, listItem, hardBreak...), as ProseMirror's JSON has it. */
export interface RichTextElement {
  type: string;
  attrs?: Record<string, AttrValue>;
  content?: RichTextNode[];
}

export type RichTextNode = RichTextElement | RichTextText;

/** A note's rich text: the ProseMirror document the note editor (Tiptap) edits. */
export interface RichTextDoc {
  type: 'doc';
  content: RichTextNode[];
}

/** The stored plain fields of a note (docs/SCHEMA.md), in the order files and CSV list them. */
export const NOTE_FIELDS = [
  'block',
  'x',
  'y',
  'width',
  'height',
  'color',
  'z',
  'author',
  'createdAt',
] as const satisfies readonly (keyof NoteFields)[];

/** One note with every stored field (docs/SCHEMA.md), its rich text, labels and links. */
export interface BoardFileNote extends NoteFields {
  id: NoteId;
  text: RichTextDoc;
  /** Customer Relationships labels: only the fields that are set. */
  relationship: RelationshipLabels;
  /** Ids of linked notes of this same file, sorted. */
  links: RelationshipLinks;
}

/** A reply of a thread: its note and thread are the thread's, so the file does not repeat them. */
export interface BoardFileReply {
  id: CommentId;
  /** Display name at the time of writing. */
  author: string;
  /** The writer's browser identity (lib/identity.ts). */
  authorId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Plain text, trimmed, 1 to MAX_COMMENT_LENGTH characters. */
  text: string;
}

/** A comment thread: its first comment, the note it is about, its state and its replies. */
export interface BoardFileThread extends BoardFileReply {
  /** A note of this same file. */
  note: NoteId;
  resolved: boolean;
  /** Who resolved it, while resolved; null otherwise. */
  resolvedBy: string | null;
  /** Oldest first. */
  replies: BoardFileReply[];
}

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT;
  formatVersion: number;
  /** The document schema version of the board it was exported from (information only). */
  schemaVersion: number;
  /** When the file was written, ISO 8601 (information only; not imported). */
  exportedAt: string;
  /** The board it came from (information only: an import always makes a new board). */
  boardId: string;
  title: string;
  /** In drawing order (lowest z first, ties by id). */
  notes: BoardFileNote[];
  /**
   * Comment threads of the file's notes, by note in drawing order, then oldest first. Since
   * version 2; a version 1 file has none (parseBoardFile gives it an empty list).
   */
  comments: BoardFileThread[];
}
