import * as Y from 'yjs';
import {
  LINK_KINDS,
  NOTE_KEYS,
  REL_KEYS,
  parseLinkIds,
  parseRelationshipLabels,
  type LinkKind,
  type NoteId,
  type RelationshipLabels,
  type RelationshipLinks,
} from '../model';

/**
 * A note's `rel` map (schema v2): the relationship labels as plain keys, and one Y.Map per
 * link kind used as a set of target note ids.
 */

/** A fresh `rel` map with its two link sets, for a new note or a migrated one. */
export function newRelationshipMap(): Y.Map<unknown> {
  const rel = new Y.Map<unknown>();
  for (const kind of LINK_KINDS) rel.set(REL_KEYS[kind], new Y.Map<boolean>());
  return rel;
}

/** A detached deep copy of a `rel` map (labels and links), for a duplicated note. */
export function copyRelationshipMap(source: Y.Map<unknown>): Y.Map<unknown> {
  // Only written, never read: Yjs warns when a map is read before it is in a document.
  const copy = new Y.Map<unknown>();
  for (const [key, value] of source.entries()) {
    if (!(value instanceof Y.AbstractType)) copy.set(key, value);
  }
  for (const kind of LINK_KINDS) {
    const targets = new Y.Map<boolean>();
    for (const id of linkSetOf(source, kind)?.keys() ?? []) targets.set(id, true);
    copy.set(REL_KEYS[kind], targets);
  }
  return copy;
}

export function relationshipMapOf(note: Y.Map<unknown>): Y.Map<unknown> | null {
  const rel = note.get(NOTE_KEYS.rel);
  return rel instanceof Y.Map ? rel : null;
}

/**
 * The note's `rel` map, created if missing. Only a note written by v1 code lacks one (the
 * migration gives every stored note its map), so this lazy path is rare: two peers creating
 * it at the same moment would keep only one map's labels.
 */
export function ensureRelationshipMap(note: Y.Map<unknown>): Y.Map<unknown> {
  const existing = relationshipMapOf(note);
  if (existing) return existing;
  const rel = newRelationshipMap();
  note.set(NOTE_KEYS.rel, rel);
  return rel;
}

export function linkSetOf(rel: Y.Map<unknown>, kind: LinkKind): Y.Map<boolean> | null {
  const set = rel.get(REL_KEYS[kind]);
  return set instanceof Y.Map ? (set as Y.Map<boolean>) : null;
}

export function ensureLinkSet(rel: Y.Map<unknown>, kind: LinkKind): Y.Map<boolean> {
  const existing = linkSetOf(rel, kind);
  if (existing) return existing;
  const set = new Y.Map<boolean>();
  rel.set(REL_KEYS[kind], set);
  return set;
}

const NO_LINKS: RelationshipLinks = { channels: [], segments: [] };
const NO_LABELS: RelationshipLabels = {};

/** Reads labels and links; links to notes that do not exist (per `exists`) are dropped. */
export function readRelationship(
  note: Y.Map<unknown>,
  exists: (id: NoteId) => boolean,
): { relationship: RelationshipLabels; links: RelationshipLinks } {
  const rel = relationshipMapOf(note);
  if (!rel) return { relationship: NO_LABELS, links: NO_LINKS };
  const raw: Record<string, unknown> = {};
  for (const [key, value] of rel.entries())
    if (!(value instanceof Y.AbstractType)) raw[key] = value;
  // Missing targets go before the MAX_LINKS cap, so dangling ids cannot hide real links.
  const links = (kind: LinkKind) =>
    parseLinkIds([...(linkSetOf(rel, kind)?.keys() ?? [])].filter((id) => exists(id as NoteId)));
  return {
    relationship: parseRelationshipLabels(raw),
    links: { channels: links('channels'), segments: links('segments') },
  };
}

/** True when the note's link sets name any of `ids` (whether or not those notes exist). */
export function linksToAny(note: Y.Map<unknown>, ids: ReadonlySet<string>): boolean {
  const rel = relationshipMapOf(note);
  if (!rel) return false;
  return LINK_KINDS.some((kind) => {
    const set = linkSetOf(rel, kind);
    return !!set && [...ids].some((id) => set.has(id));
  });
}
