import * as Y from 'yjs';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  DEFAULT_NOTE_COLOR,
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_SIZE,
  META_KEYS,
  MIN_NOTE_SIZE,
  NOTE_KEYS,
  blockOfRect,
  clamp,
  cleanTitle,
  isNoteColor,
  newNoteId,
  type BlockId,
  type NoteColor,
  type NoteId,
  type Point,
  type Rect,
} from '../model';
import { boardRoots } from './board-doc';
import { cloneFragmentContent, plainTextToParagraphs } from './note-text';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN, type WriteOrigin } from './origins';
import { removeLinksTo } from './relationships';
import { copyRelationshipMap, newRelationshipMap, relationshipMapOf } from './relationship-map';

/**
 * Every write to a board's notes, one named function per gesture. Each runs in exactly one
 * transaction with an origin, so a gesture is one undo step and one network update.
 * Bad input (an unknown colour, a missing note) is refused with a ModelError before anything
 * is written, so a half-done gesture never reaches the document.
 */

export { ModelError };

/** Keeps a rectangle inside the canvas, so every note is always in exactly one block. */
function clampRect(rect: Rect): Rect {
  const width = clamp(Math.round(rect.width), MIN_NOTE_SIZE, MAX_NOTE_SIZE);
  const height = clamp(Math.round(rect.height), MIN_NOTE_SIZE, MAX_NOTE_SIZE);
  return {
    x: clamp(Math.round(rect.x), 0, BOARD_WIDTH - width),
    y: clamp(Math.round(rect.y), 0, BOARD_HEIGHT - height),
    width,
    height,
  };
}

function blockFor(rect: Rect): BlockId {
  // clampRect keeps the centre on the canvas, and the blocks tile the canvas.
  const block = blockOfRect(rect);
  if (!block) throw new ModelError('a note centre fell outside every block');
  return block;
}

/**
 * Where a note with this rectangle lands: kept inside the canvas as every write does, with the
 * block every write stores for it. The lock gate judges a gesture by it before writing.
 */
export function landingPlace(rect: Rect): Rect & { block: BlockId } {
  const landed = clampRect(rect);
  return { ...landed, block: blockFor(landed) };
}

function topZ(notes: Y.Map<Y.Map<unknown>>): number {
  let top = 0;
  notes.forEach((note) => {
    const z = note.get(NOTE_KEYS.z);
    if (typeof z === 'number' && z > top) top = z;
  });
  return top;
}

function requireNote(notes: Y.Map<Y.Map<unknown>>, id: NoteId): Y.Map<unknown> {
  const note = notes.get(id);
  if (!note) throw new ModelError(`no note ${id} on this board`);
  return note;
}

function requireColor(color: unknown): NoteColor {
  if (!isNoteColor(color)) throw new ModelError(`unknown note colour ${String(color)}`);
  return color;
}

function geometryFields(rect: Rect): [string, unknown][] {
  return [
    [NOTE_KEYS.x, rect.x],
    [NOTE_KEYS.y, rect.y],
    [NOTE_KEYS.width, rect.width],
    [NOTE_KEYS.height, rect.height],
    [NOTE_KEYS.block, blockFor(rect)],
  ];
}

function writeGeometry(note: Y.Map<unknown>, rect: Rect): void {
  // Nothing is written when nothing changed. Otherwise all five keys are written together:
  // concurrent writes to one key are settled per key, so writing only the changed keys could
  // merge one peer's x with another peer's y or block. Written together, the same writer wins
  // every key and `block` stays the block under the centre.
  const fields = geometryFields(rect);
  if (fields.every(([key, value]) => note.get(key) === value)) return;
  for (const [key, value] of fields) note.set(key, value);
}

export interface NewNote {
  /** Where the note goes: its top-left corner (the note is kept inside the canvas). */
  x: number;
  y: number;
  width?: number;
  height?: number;
  color?: NoteColor;
  author: string;
  /** Plain text to start with; each line becomes a paragraph. */
  text?: string;
}

/** A new note's rectangle before clamping: the given corner, the default size unless given. */
export function newNoteRect(input: Pick<NewNote, 'x' | 'y' | 'width' | 'height'>): Rect {
  return {
    x: input.x,
    y: input.y,
    width: input.width ?? DEFAULT_NOTE_WIDTH,
    height: input.height ?? DEFAULT_NOTE_HEIGHT,
  };
}

function insertNote(
  notes: Y.Map<Y.Map<unknown>>,
  input: NewNote,
  z: number,
  content: (Y.XmlElement | Y.XmlText)[],
  relationship?: Y.Map<unknown>,
): NoteId {
  const id = newNoteId();
  const rect = clampRect(newNoteRect(input));
  const note = new Y.Map<unknown>();
  const text = new Y.XmlFragment();
  // A new map is not part of the document yet: write every key, read none (Yjs warns on reads).
  for (const [key, value] of geometryFields(rect)) note.set(key, value);
  note.set(NOTE_KEYS.color, requireColor(input.color ?? DEFAULT_NOTE_COLOR));
  note.set(NOTE_KEYS.z, z);
  note.set(NOTE_KEYS.author, input.author.trim().slice(0, MAX_AUTHOR_LENGTH));
  note.set(NOTE_KEYS.createdAt, Date.now());
  note.set(NOTE_KEYS.text, text);
  note.set(NOTE_KEYS.rel, relationship ?? newRelationshipMap());
  notes.set(id, note);
  // Content goes in after the fragment is part of the document (Yjs needs an attached type).
  if (content.length > 0) text.insert(0, content);
  return id;
}

export function createNote(doc: Y.Doc, input: NewNote, origin: WriteOrigin = LOCAL_ORIGIN): NoteId {
  const { notes } = boardRoots(doc);
  requireColor(input.color ?? DEFAULT_NOTE_COLOR);
  let id: NoteId | undefined;
  doc.transact(() => {
    const content = input.text ? plainTextToParagraphs(input.text) : [];
    id = insertNote(notes, input, topZ(notes) + 1, content);
  }, origin);
  return id!;
}

export interface NoteMove {
  id: NoteId;
  x: number;
  y: number;
}

/** Moves notes (one drag of a selection); each note's block follows its new centre. */
export function moveNotes(doc: Y.Doc, moves: readonly NoteMove[]): void {
  const { notes } = boardRoots(doc);
  const targets = moves.map((move) => ({ move, note: requireNote(notes, move.id) }));
  doc.transact(() => {
    for (const { move, note } of targets) {
      const width = note.get(NOTE_KEYS.width) as number;
      const height = note.get(NOTE_KEYS.height) as number;
      writeGeometry(note, clampRect({ x: move.x, y: move.y, width, height }));
    }
  }, LOCAL_ORIGIN);
}

/** Sets a note's rectangle (a resize may move its top-left corner too). */
export function resizeNote(doc: Y.Doc, id: NoteId, rect: Rect): void {
  const note = requireNote(boardRoots(doc).notes, id);
  doc.transact(() => writeGeometry(note, clampRect(rect)), LOCAL_ORIGIN);
}

export function recolorNotes(doc: Y.Doc, ids: readonly NoteId[], color: NoteColor): void {
  const { notes } = boardRoots(doc);
  requireColor(color);
  const targets = ids.map((id) => requireNote(notes, id));
  doc.transact(() => {
    for (const note of targets)
      if (note.get(NOTE_KEYS.color) !== color) note.set(NOTE_KEYS.color, color);
  }, LOCAL_ORIGIN);
}

/**
 * Deletes notes; ids already gone (deleted by someone else a moment ago) are skipped. Every
 * link to them goes in the same transaction, so one undo brings notes and links back.
 */
export function deleteNotes(doc: Y.Doc, ids: readonly NoteId[]): void {
  const { notes } = boardRoots(doc);
  doc.transact(() => {
    const gone = ids.filter((id) => notes.has(id));
    for (const id of gone) notes.delete(id);
    removeLinksTo(notes, new Set(gone));
  }, LOCAL_ORIGIN);
}

/** Copies notes (text included) next to the originals, on top; returns the copies' ids. */
export function duplicateNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  offset: Point,
  author: string,
): NoteId[] {
  const { notes } = boardRoots(doc);
  // Every source is read and checked before the transaction, so a refused copy writes nothing.
  const sources = ids.map((id) => {
    const source = requireNote(notes, id);
    const input: NewNote = {
      x: (source.get(NOTE_KEYS.x) as number) + offset.x,
      y: (source.get(NOTE_KEYS.y) as number) + offset.y,
      width: source.get(NOTE_KEYS.width) as number,
      height: source.get(NOTE_KEYS.height) as number,
      color: requireColor(source.get(NOTE_KEYS.color)),
      author,
    };
    return { input, text: source.get(NOTE_KEYS.text), rel: relationshipMapOf(source) };
  });
  const copies: NoteId[] = [];
  doc.transact(() => {
    let z = topZ(notes);
    for (const { input, text, rel } of sources) {
      const content = text instanceof Y.XmlFragment ? cloneFragmentContent(text) : [];
      copies.push(
        insertNote(notes, input, ++z, content, rel ? copyRelationshipMap(rel) : undefined),
      );
    }
  }, LOCAL_ORIGIN);
  return copies;
}

/** Puts notes on top of every other note, keeping their order among themselves. */
export function bringToFront(doc: Y.Doc, ids: readonly NoteId[]): void {
  const { notes } = boardRoots(doc);
  const targets = ids
    .map((id) => requireNote(notes, id))
    .sort((a, b) => (a.get(NOTE_KEYS.z) as number) - (b.get(NOTE_KEYS.z) as number));
  doc.transact(() => {
    let z = topZ(notes);
    for (const note of targets) note.set(NOTE_KEYS.z, ++z);
  }, LOCAL_ORIGIN);
}

export function setBoardTitle(doc: Y.Doc, rawTitle: string): void {
  const result = cleanTitle(rawTitle);
  if (!result.ok) throw new ModelError(result.error);
  const { meta } = boardRoots(doc);
  doc.transact(() => meta.set(META_KEYS.title, result.title), LOCAL_ORIGIN);
}

/** The Y.XmlFragment of a note's text, for the rich-text editor to bind to. */
export function noteTextFragment(doc: Y.Doc, id: NoteId): Y.XmlFragment | null {
  const text = boardRoots(doc).notes.get(id)?.get(NOTE_KEYS.text);
  return text instanceof Y.XmlFragment ? text : null;
}
