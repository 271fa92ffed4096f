import * as Y from 'yjs';
import { NOTE_KEYS, parseNoteFields, type BoardMeta, type NoteId, type NoteRecord } from '../model';
import { boardRoots, readMeta } from './board-doc';
import { fragmentToPlainText } from './note-text';
import { linksToAny, readRelationship } from './relationship-map';

/** An immutable view of the whole board; a new object only when something changed. */
export interface BoardSnapshot {
  readonly meta: BoardMeta;
  /** Every valid note by id. */
  readonly notes: ReadonlyMap<NoteId, NoteRecord>;
  /** The same notes in drawing order (lowest z first; ties broken by id, the same everywhere). */
  readonly ordered: readonly NoteRecord[];
}

/**
 * Reads one note's Y.Map into a record, or null when a peer wrote something invalid.
 * `exists` tells which note ids are on the board, so links to deleted notes are dropped.
 */
export function readNote(
  id: string,
  note: Y.Map<unknown>,
  exists: (id: NoteId) => boolean,
): NoteRecord | null {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of note.entries())
    if (!(value instanceof Y.AbstractType)) raw[key] = value;
  const fields = parseNoteFields(id, raw);
  if (!fields) return null;
  const text = note.get(NOTE_KEYS.text);
  return {
    id: id as NoteId,
    ...fields,
    text: text instanceof Y.XmlFragment ? fragmentToPlainText(text) : '',
    ...readRelationship(note, exists),
  };
}

function byDrawingOrder(a: NoteRecord, b: NoteRecord): number {
  return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Reads the whole board once, without keeping anything (server, API, tests). */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const notes = new Map<NoteId, NoteRecord>();
  const root = boardRoots(doc).notes;
  const exists = (id: NoteId) => root.has(id);
  root.forEach((note, id) => {
    const record = note instanceof Y.Map ? readNote(id, note, exists) : null;
    if (record) notes.set(record.id, record);
  });
  return { meta: readMeta(doc), notes, ordered: [...notes.values()].sort(byDrawingOrder) };
}

/**
 * Keeps a BoardSnapshot in step with a live Y.Doc. Only the notes a transaction touched are
 * read again; every other record keeps its identity, so memoised note views skip rendering.
 * Shaped for React's useSyncExternalStore (subscribe + getSnapshot).
 */
export class BoardReader {
  private snapshot: BoardSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly roots;

  constructor(private readonly doc: Y.Doc) {
    this.roots = boardRoots(doc);
    this.snapshot = readBoard(doc);
    this.roots.notes.observeDeep(this.onNotesChanged);
    this.roots.meta.observe(this.onMetaChanged);
  }

  getSnapshot = (): BoardSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.roots.notes.unobserveDeep(this.onNotesChanged);
    this.roots.meta.unobserve(this.onMetaChanged);
    this.listeners.clear();
  }

  private onNotesChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const touched = new Set<string>();
    const addedOrDeleted = new Set<string>();
    for (const event of events) {
      if (event.target === this.roots.notes) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) addedOrDeleted.add(key);
      } else {
        const [first] = event.path;
        if (typeof first === 'string') touched.add(first);
      }
    }
    // A note that appears or goes changes the links of every note linking to it (readers
    // drop links to missing notes), even when those notes' maps were not touched: a peer may
    // delete without cleanup, or link a note another peer is deleting at the same time.
    if (addedOrDeleted.size > 0) {
      for (const id of addedOrDeleted) touched.add(id);
      this.roots.notes.forEach((note, id) => {
        if (!touched.has(id) && note instanceof Y.Map && linksToAny(note, addedOrDeleted))
          touched.add(id);
      });
    }
    if (touched.size === 0) return;
    const notes = new Map(this.snapshot.notes);
    const exists = (id: NoteId) => this.roots.notes.has(id);
    for (const id of touched) {
      const note = this.roots.notes.get(id);
      const record = note instanceof Y.Map ? readNote(id, note, exists) : null;
      if (record) notes.set(record.id, record);
      else notes.delete(id as NoteId);
    }
    this.publish({
      meta: this.snapshot.meta,
      notes,
      ordered: [...notes.values()].sort(byDrawingOrder),
    });
  };

  private onMetaChanged = (): void => {
    this.publish({ ...this.snapshot, meta: readMeta(this.doc) });
  };

  private publish(next: BoardSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
