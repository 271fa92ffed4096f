import type * as Y from 'yjs';
import {
  LINK_KINDS,
  MAX_LINKS,
  NOTE_KEYS,
  RELATIONSHIP_FIELD_VALIDATORS,
  TYPE_DEFAULTS,
  parseLinkIds,
  type LinkKind,
  type NoteId,
  type RelationshipFields,
  type RelationshipType,
} from '../model';
import { boardRoots } from './board-doc';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';
import {
  addLink,
  ensureRelationshipMap,
  hasLink,
  linkTargets,
  relationshipMapOf,
  removeLink,
} from './relationship-map';

/**
 * Writes of the Customer Relationships labels and links, one transaction per gesture, like
 * every other write. Values are checked before anything is written (ModelError otherwise).
 */

/** A change to some labels: a value sets the field, null clears it. */
export type RelationshipPatch = { [K in keyof RelationshipFields]?: RelationshipFields[K] | null };

function requireNote(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  const note = boardRoots(doc).notes.get(id);
  if (!note) throw new ModelError(`no note ${id} on this board`);
  return note;
}

function checkPatch(patch: RelationshipPatch): [keyof RelationshipFields, unknown][] {
  const entries = Object.entries(patch) as [keyof RelationshipFields, unknown][];
  for (const [field, value] of entries) {
    // Own keys only: a patch parsed from JSON may name `constructor` or `__proto__`.
    const validate = Object.hasOwn(RELATIONSHIP_FIELD_VALIDATORS, field)
      ? RELATIONSHIP_FIELD_VALIDATORS[field]
      : undefined;
    if (!validate) throw new ModelError(`unknown relationship field ${String(field)}`);
    if (value !== null && !validate(value))
      throw new ModelError(`invalid value for ${field}: ${JSON.stringify(value)}`);
  }
  return entries;
}

/** Sets or clears labels of one note. */
export function labelRelationship(doc: Y.Doc, id: NoteId, patch: RelationshipPatch): void {
  const note = requireNote(doc, id);
  const entries = checkPatch(patch);
  doc.transact(() => {
    const rel = ensureRelationshipMap(note);
    for (const [field, value] of entries) {
      if (value === null) {
        if (rel.has(field)) rel.delete(field);
      } else if (rel.get(field) !== value) {
        rel.set(field, value);
      }
    }
  }, LOCAL_ORIGIN);
}

/** Picks a type and fills the three dimensions it suggests (each stays editable). */
export function chooseRelationshipType(
  doc: Y.Doc,
  id: NoteId,
  type: RelationshipType | null,
): void {
  labelRelationship(doc, id, type === null ? { type: null } : { type, ...TYPE_DEFAULTS[type] });
}

/** Which kind of link a target note can be: by the block it is in. */
export function linkKindFor(doc: Y.Doc, target: NoteId): LinkKind | null {
  const block = boardRoots(doc).notes.get(target)?.get(NOTE_KEYS.block);
  return block === 'channels' ? 'channels' : block === 'customerSegments' ? 'segments' : null;
}

/**
 * Links a relationship note to a Channels or Customer Segments note. Linking again writes
 * nothing; a link beyond MAX_LINKS of one kind is refused, since readers would not show it.
 */
export function linkNotes(doc: Y.Doc, from: NoteId, target: NoteId): LinkKind {
  const { notes } = boardRoots(doc);
  const note = requireNote(doc, from);
  requireNote(doc, target);
  if (note.get(NOTE_KEYS.block) !== 'customerRelationships')
    throw new ModelError('only Customer Relationships notes carry links');
  const kind = linkKindFor(doc, target);
  if (!kind) throw new ModelError('a link goes to a Channels or Customer Segments note');
  const rel = relationshipMapOf(note);
  if (rel && hasLink(rel, kind, target)) return kind;
  const shown = parseLinkIds((rel ? linkTargets(rel, kind) : []).filter((id) => notes.has(id)));
  if (shown.length >= MAX_LINKS) throw new ModelError(`a note links at most ${MAX_LINKS} ${kind}`);
  doc.transact(() => addLink(ensureRelationshipMap(note), kind, target), LOCAL_ORIGIN);
  return kind;
}

export function unlinkNotes(doc: Y.Doc, from: NoteId, target: NoteId): void {
  const rel = relationshipMapOf(requireNote(doc, from));
  if (!rel) return;
  doc.transact(() => {
    for (const kind of LINK_KINDS) removeLink(rel, kind, target);
  }, LOCAL_ORIGIN);
}

/** Removes every link to the given notes (inside the caller's transaction). */
export function removeLinksTo(notes: Y.Map<Y.Map<unknown>>, gone: ReadonlySet<string>): void {
  if (gone.size === 0) return;
  notes.forEach((note) => {
    const rel = relationshipMapOf(note);
    if (!rel) return;
    for (const kind of LINK_KINDS)
      for (const id of linkTargets(rel, kind)) if (gone.has(id)) removeLink(rel, kind, id);
  });
}
