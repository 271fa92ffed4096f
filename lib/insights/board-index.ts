import { BLOCK_IDS, type NoteId, type NoteRecord } from '../model';
import { readingOrder } from '../view/selection';

/**
 * The Customer Relationships block and the two blocks it points at, read once from a board's
 * records: the shared first step of the overview, the warnings and the filter. One pass over
 * the notes, then one pass over each relationship's links; lookups go through Sets, never
 * nested scans, so a 2,000-note board indexes in well under a millisecond.
 */

/** A relationship note with the links that still lead somewhere sensible. */
export interface IndexedRelationship {
  readonly note: NoteRecord;
  /** Linked notes that exist and are in Customer Segments, distinct, in the stored order. */
  readonly segments: readonly NoteId[];
  /** Linked notes that exist and are in Channels, distinct, in the stored order. */
  readonly channels: readonly NoteId[];
}

export interface BoardIndex {
  /** Notes of the Customer Relationships block, in reading order. */
  readonly relationships: readonly IndexedRelationship[];
  /** Notes of the Customer Segments block, in reading order. */
  readonly segments: readonly NoteRecord[];
  /** Notes of the Channels block, in reading order. */
  readonly channels: readonly NoteRecord[];
}

/**
 * Keeps the ids of `links` that are in `allowed`, without repeats. Readers already drop links
 * to deleted notes, but a linked note may since have moved to another block, and hand-made
 * or older records may still carry stale ids: those are ignored here.
 */
function validLinks(links: readonly NoteId[], allowed: ReadonlySet<NoteId>): NoteId[] {
  const kept: NoteId[] = [];
  for (const id of links) if (allowed.has(id) && !kept.includes(id)) kept.push(id); // ≤ MAX_LINKS
  return kept;
}

export function indexBoard(notes: readonly NoteRecord[]): BoardIndex {
  const relationshipNotes: NoteRecord[] = [];
  const segments: NoteRecord[] = [];
  const channels: NoteRecord[] = [];
  for (const note of notes) {
    if (note.block === 'customerRelationships') relationshipNotes.push(note);
    else if (note.block === 'customerSegments') segments.push(note);
    else if (note.block === 'channels') channels.push(note);
  }
  const segmentIds: ReadonlySet<NoteId> = new Set(segments.map((note) => note.id));
  const channelIds: ReadonlySet<NoteId> = new Set(channels.map((note) => note.id));
  return {
    relationships: readingOrder(relationshipNotes, BLOCK_IDS).map((note) => ({
      note,
      segments: validLinks(note.links.segments, segmentIds),
      channels: validLinks(note.links.channels, channelIds),
    })),
    segments: readingOrder(segments, BLOCK_IDS),
    channels: readingOrder(channels, BLOCK_IDS),
  };
}
