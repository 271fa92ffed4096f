import * as Y from 'yjs';
import { META_KEYS, NOTE_KEYS, cleanTitle, noteFieldToCopy, type NoteFields } from '../model';
import { boardRoots } from './board-doc';
import { cloneFragmentContent } from './note-text';
import { LOCAL_ORIGIN } from './origins';
import { copyRelationshipMap, relationshipEntries, relationshipMapOf } from './relationship-map';

/**
 * Restoring a version: the live board's title and notes become those of a snapshot (a Y.Doc
 * built from a stored state), in ONE transaction with the local origin, so the restore is one
 * undo step for the person who made it and one update that everyone else sees live.
 *
 * The live document is changed in place rather than replaced: a note both boards have keeps
 * its Y.Map and its text fragment (only what differs is written), so an open text editor
 * bound to that fragment stays bound, and a peer's concurrent edit to an untouched key of the
 * note survives the restore.
 */

/** The plain (non-shared-type) keys a note carries; `text` and `rel` are copied apart. */
const PLAIN_NOTE_KEYS = Object.values(NOTE_KEYS).filter(
  (key): key is keyof NoteFields => key !== NOTE_KEYS.text && key !== NOTE_KEYS.rel,
);

/** A note's plain values that may be copied (a field a peer broke is left out). */
function plainValues(source: Y.Map<unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const key of PLAIN_NOTE_KEYS) {
    const value = noteFieldToCopy(key, source.get(key));
    if (value !== undefined) values.set(key, value);
  }
  return values;
}

function sameFragment(a: Y.XmlFragment, b: Y.XmlFragment): boolean {
  // toString renders element names, attributes and text with its formatting marks.
  return a.toString() === b.toString();
}

/** Makes `target`'s content equal to `source`'s (inside the caller's transaction). */
function restoreText(target: Y.XmlFragment, source: Y.XmlFragment): void {
  if (sameFragment(target, source)) return;
  target.delete(0, target.length);
  target.insert(0, cloneFragmentContent(source));
}

/** Makes a live `rel` map hold exactly the snapshot's labels and links. */
function restoreRelationship(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  const wanted = relationshipEntries(source);
  for (const key of [...target.keys()]) if (!wanted.has(key)) target.delete(key);
  for (const [key, value] of wanted) if (target.get(key) !== value) target.set(key, value);
}

/** Puts a copy of a note from another document (a snapshot, a private draft) on this board. */
export function insertNoteCopy(
  notes: Y.Map<Y.Map<unknown>>,
  id: string,
  source: Y.Map<unknown>,
): void {
  const note = new Y.Map<unknown>();
  for (const [key, value] of plainValues(source)) note.set(key, value);
  const text = new Y.XmlFragment();
  note.set(NOTE_KEYS.text, text);
  const rel = relationshipMapOf(source);
  note.set(NOTE_KEYS.rel, rel ? copyRelationshipMap(rel) : new Y.Map<unknown>());
  notes.set(id, note);
  // Content goes in once the fragment is part of the document, as in lib/doc/notes.ts.
  const sourceText = source.get(NOTE_KEYS.text);
  if (sourceText instanceof Y.XmlFragment) text.insert(0, cloneFragmentContent(sourceText));
}

/** Brings a note both boards have in line with the snapshot's, writing only what differs. */
function restoreNote(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  const values = plainValues(source);
  for (const key of PLAIN_NOTE_KEYS) {
    if (!values.has(key)) {
      if (target.has(key)) target.delete(key);
    } else if (target.get(key) !== values.get(key)) target.set(key, values.get(key));
  }
  const sourceText = source.get(NOTE_KEYS.text);
  const targetText = target.get(NOTE_KEYS.text);
  if (sourceText instanceof Y.XmlFragment && targetText instanceof Y.XmlFragment)
    restoreText(targetText, sourceText);
  else if (sourceText instanceof Y.XmlFragment) {
    const text = new Y.XmlFragment();
    target.set(NOTE_KEYS.text, text);
    text.insert(0, cloneFragmentContent(sourceText)); // attached now: target is in the doc
  }
  const sourceRel = relationshipMapOf(source);
  const targetRel = relationshipMapOf(target);
  if (sourceRel && targetRel) restoreRelationship(targetRel, sourceRel);
  else if (sourceRel) target.set(NOTE_KEYS.rel, copyRelationshipMap(sourceRel));
  else if (targetRel) target.set(NOTE_KEYS.rel, new Y.Map<unknown>());
}

/**
 * Makes the live board's title and notes (every field, rich text, labels and links) equal to
 * the snapshot's, in one transaction with LOCAL_ORIGIN. Comments, votes and workshop state are
 * left as they are: a restore brings back the canvas, not the discussion about it.
 */
export function restoreBoard(doc: Y.Doc, snapshot: Y.Doc): void {
  const live = boardRoots(doc);
  const past = boardRoots(snapshot);
  const title = cleanTitle(past.meta.get(META_KEYS.title));
  doc.transact(() => {
    if (title.ok && live.meta.get(META_KEYS.title) !== title.title)
      live.meta.set(META_KEYS.title, title.title);
    for (const id of [...live.notes.keys()]) if (!past.notes.has(id)) live.notes.delete(id);
    past.notes.forEach((source, id) => {
      if (!(source instanceof Y.Map)) return;
      const target = live.notes.get(id);
      if (target instanceof Y.Map) restoreNote(target, source);
      else insertNoteCopy(live.notes, id, source);
    });
  }, LOCAL_ORIGIN);
}

/** A detached document holding a stored version (Yjs update format v2), to show or restore. */
export function docFromVersionState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, state);
  return doc;
}
