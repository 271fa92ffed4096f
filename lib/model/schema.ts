import { MAX_TITLE_LENGTH, boardMetaSchema } from './records/meta';

/**
 * The board document's schema: the names of the shared types at the root of every board's
 * Y.Doc and the schema version. docs/SCHEMA.md documents every field; lib/doc/migrations.ts
 * holds the steps from each version to the next.
 */

/**
 * Version of the document layout written by this code. Bump it, with a migration step, for
 * any change that older readers would misread.
 *
 * - 1: meta (schemaVersion, title, createdAt) and notes (block, geometry, colour, z, author,
 *      createdAt, rich text).
 * - 2: every note has a `rel` map: Customer Relationships labels and links (see REL_KEYS).
 * - 3: links are keys of the `rel` map (`channels:<NoteId>`), no longer nested link sets.
 */
export const SCHEMA_VERSION = 3;

/** Root shared types of the board Y.Doc. Renaming one orphans every stored board. */
export const ROOT = {
  /** Y.Map of board-level fields: see MetaKey. */
  meta: 'meta',
  /** Y.Map from NoteId to the note's Y.Map. */
  notes: 'notes',
  /**
   * Y.Map of the facilitator's workshop state (see WORKSHOP_KEYS). Only a facilitator's
   * connection may change it; the server refuses anyone else's change to it. Added without a
   * version bump: a root type is created by name on first use (no two peers can create it
   * twice) and older readers ignore it.
   */
  workshop: 'workshop',
  /** Y.Map from vote id to a Y.Map per voter (voter id → Y.Map of NoteId → dots). */
  votes: 'votes',
  /** Y.Map from comment id to the comment's Y.Map (note, thread, author, time, text). */
  comments: 'comments',
} as const;

/** Keys of the `workshop` map, each owned by one facilitator tool. */
export const WORKSHOP_KEYS = {
  /** The shared countdown: running or paused, its duration and end. */
  timer: 'timer',
  /** Follow me: whether participants' views follow the facilitator's. */
  follow: 'follow',
  /** The open or closed dot vote: id, dots per person, block, state. */
  vote: 'vote',
  /** Lock of the whole board and of single blocks. */
  locks: 'locks',
  /** Private writing: whether new notes stay with their author until revealed. */
  privateWriting: 'privateWriting',
} as const;

/** Keys of the `meta` map. */
export const META_KEYS = {
  schemaVersion: 'schemaVersion',
  title: 'title',
  createdAt: 'createdAt',
} as const;

/** Keys of a note's Y.Map; `text` holds a Y.XmlFragment, every other key a plain value. */
export const NOTE_KEYS = {
  block: 'block',
  x: 'x',
  y: 'y',
  width: 'width',
  height: 'height',
  color: 'color',
  z: 'z',
  author: 'author',
  createdAt: 'createdAt',
  text: 'text',
  /** Since v2: Y.Map of relationship labels (lib/model/relationship.ts) and links (one key per link since v3). */
  rel: 'rel',
} as const;

/**
 * The link kinds of a note's `rel` map, besides the label fields (RELATIONSHIP_FIELDS). Since
 * v3 each link is a key `<kind>:<target NoteId>` with the value true, so two people adding
 * different links at once keep both; in v2 these names were nested Y.Maps used as sets.
 */
export const REL_KEYS = {
  channels: 'channels',
  segments: 'segments',
} as const;

export { MAX_TITLE_LENGTH, type BoardMeta } from './records/meta';
export const DEFAULT_TITLE = 'Untitled board';

/** Whitespace collapsed to single spaces and trimmed: how every title is stored. */
function collapseTitle(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** Trims a board title and checks it. Returns the clean title or an error message key. */
export function cleanTitle(
  raw: unknown,
): { ok: true; title: string } | { ok: false; error: string } {
  if (raw === undefined || raw === null) return { ok: true, title: DEFAULT_TITLE };
  if (typeof raw !== 'string') return { ok: false, error: 'title must be a string' };
  const title = collapseTitle(raw) || DEFAULT_TITLE;
  if (!boardMetaSchema.shape.title.safeParse(title).success)
    return { ok: false, error: `title must be at most ${MAX_TITLE_LENGTH} characters` };
  return { ok: true, title };
}

/**
 * Any stored title made valid: cleaned, cut to MAX_TITLE_LENGTH (a title a peer wrote before
 * the server checked values may be longer), the default when empty. For exports.
 */
export function fitTitle(raw: string): string {
  return collapseTitle(raw).slice(0, MAX_TITLE_LENGTH).trim() || DEFAULT_TITLE;
}
