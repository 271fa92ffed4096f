import * as Y from 'yjs';
import {
  LINK_KINDS,
  NOTE_KEYS,
  REL_KEYS,
  isNoteId,
  parseLinkIds,
  parseRelationshipLabels,
  type LinkKind,
  type NoteId,
  type RelationshipLabels,
  type RelationshipLinks,
} from '../model';
import { LINK_KEY_PATTERN } from '../model/records';

/**
 * A note's `rel` map (schema v3): the relationship labels as plain keys, and each link as a
 * key of its own, `<kind>:<target NoteId>` → true (see linkKey). Two people adding different
 * links at once write different keys, so both are kept.
 *
 * Schema v2 kept the links in two nested Y.Maps (`channels`, `segments`) used as sets. Two
 * shared types more per note made a 10,000-note board a quarter slower to load; the 2 → 3
 * migration moves them into flat keys. Readers still read a nested set too (a peer running
 * v2 code may write one after the migration) and `unlink` removes a link from both places.
 */

/** The `rel` key of one link. */
export function linkKey(kind: LinkKind, target: string): string {
  return `${REL_KEYS[kind]}:${target}`;
}

/** The target of a link key of `kind`, or null when the key is not one. */
function linkTarget(kind: LinkKind, key: string): string | null {
  const prefix = `${REL_KEYS[kind]}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

function isLinkKey(key: string): boolean {
  return LINK_KINDS.some((kind) => linkTarget(kind, key) !== null);
}

/** A fresh, empty `rel` map, for a new note or a migrated one. */
export function newRelationshipMap(): Y.Map<unknown> {
  return new Y.Map<unknown>();
}

/**
 * The entries a copy of a `rel` map holds: its labels that are valid, and its links as flat
 * keys (v2 sets flattened). Nothing else: a board may hold keys or values a peer wrote before
 * the server checked them, and the server refuses a copy carrying them.
 */
export function relationshipEntries(source: Y.Map<unknown>): Map<string, unknown> {
  const entries = new Map<string, unknown>(
    Object.entries(parseRelationshipLabels(readPlain(source))),
  );
  for (const key of source.keys()) if (LINK_KEY_PATTERN.test(key)) entries.set(key, true);
  for (const kind of LINK_KINDS)
    for (const id of legacyLinkSet(source, kind)?.keys() ?? [])
      if (isNoteId(id)) entries.set(linkKey(kind, id), true);
  return entries;
}

function readPlain(map: Y.Map<unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of map.entries())
    if (!(value instanceof Y.AbstractType)) raw[key] = value;
  return raw;
}

/** A detached copy of a `rel` map (labels and links), for a duplicated or restored note. */
export function copyRelationshipMap(source: Y.Map<unknown>): Y.Map<unknown> {
  // Only written, never read: Yjs warns when a map is read before it is in a document.
  const copy = new Y.Map<unknown>();
  for (const [key, value] of relationshipEntries(source)) copy.set(key, value);
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

/** A schema v2 nested link set, if this `rel` map still has one. */
export function legacyLinkSet(rel: Y.Map<unknown>, kind: LinkKind): Y.Map<boolean> | null {
  const set = rel.get(REL_KEYS[kind]);
  return set instanceof Y.Map ? (set as Y.Map<boolean>) : null;
}

/** Every target id of `kind` the map names, flat keys first, without repeats. */
export function linkTargets(rel: Y.Map<unknown>, kind: LinkKind): string[] {
  const targets = new Set<string>();
  for (const key of rel.keys()) {
    const target = linkTarget(kind, key);
    if (target !== null) targets.add(target);
  }
  for (const id of legacyLinkSet(rel, kind)?.keys() ?? []) targets.add(id);
  return [...targets];
}

export function hasLink(rel: Y.Map<unknown>, kind: LinkKind, target: string): boolean {
  return rel.has(linkKey(kind, target)) || !!legacyLinkSet(rel, kind)?.has(target);
}

/** Adds a link (inside the caller's transaction). */
export function addLink(rel: Y.Map<unknown>, kind: LinkKind, target: string): void {
  rel.set(linkKey(kind, target), true);
}

/** Removes a link wherever it is stored (inside the caller's transaction). */
export function removeLink(rel: Y.Map<unknown>, kind: LinkKind, target: string): void {
  const key = linkKey(kind, target);
  if (rel.has(key)) rel.delete(key);
  const legacy = legacyLinkSet(rel, kind);
  if (legacy?.has(target)) legacy.delete(target);
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
    if (!(value instanceof Y.AbstractType) && !isLinkKey(key)) raw[key] = value;
  // Missing targets go before the MAX_LINKS cap, so dangling ids cannot hide real links.
  const links = (kind: LinkKind) =>
    parseLinkIds(linkTargets(rel, kind).filter((id) => exists(id as NoteId)));
  return {
    relationship: parseRelationshipLabels(raw),
    links: { channels: links('channels'), segments: links('segments') },
  };
}

/** True when the note's links name any of `ids` (whether or not those notes exist). */
export function linksToAny(note: Y.Map<unknown>, ids: ReadonlySet<string>): boolean {
  const rel = relationshipMapOf(note);
  if (!rel) return false;
  return LINK_KINDS.some((kind) => [...ids].some((id) => hasLink(rel, kind, id)));
}

/**
 * Step 2 → 3 for one note: moves the nested link sets into flat keys (inside the caller's
 * transaction).
 */
export function flattenLinkSets(note: Y.Map<unknown>): void {
  const rel = relationshipMapOf(note);
  if (!rel) return;
  for (const kind of LINK_KINDS) {
    const legacy = legacyLinkSet(rel, kind);
    if (!legacy) continue;
    for (const id of legacy.keys()) addLink(rel, kind, id);
    rel.delete(REL_KEYS[kind]);
  }
}
