'use client';
import { useMemo } from 'react';
import type { NoteDecoration } from '@/components/board/note-node';
import type { BoardSnapshot } from '@/lib/doc';
import { relationshipTypeKey, stageKey } from '@/lib/i18n/relationship-keys';
import { highlightedNotes, type BoardFilter } from '@/lib/insights/filter';
import { NOTE_COLORS, type NoteId } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';

const NO_COUNTS: ReadonlyMap<NoteId, number> = new Map();
const NO_IDS: ReadonlySet<NoteId> = new Set();

/**
 * What the canvas draws on top of each note's record: a relationship's type and stage as a
 * badge, the "untested hypothesis" mark, the colour lent by its segment (an option), the
 * count of open comment threads, dot-vote dots, the private draft's dashed edge, and the fading of notes the filter leaves
 * out. Only notes with something to show are in the map.
 */
export function useNoteDecorations(
  snapshot: BoardSnapshot,
  filter: BoardFilter,
  segmentColors: boolean,
  marks: {
    /** Dots to show per note (dot voting), or an empty map. */
    dots: ReadonlyMap<NoteId, number>;
    /** Open comment threads per note. */
    openThreads?: ReadonlyMap<NoteId, number>;
    /** Notes in this person's private draft (private writing). */
    draftIds?: ReadonlySet<NoteId>;
  },
): ReadonlyMap<NoteId, NoteDecoration> {
  const { dots, openThreads = NO_COUNTS, draftIds = NO_IDS } = marks;
  const { t } = useI18n();
  return useMemo(() => {
    const highlighted = highlightedNotes(snapshot.ordered, filter);
    const decorations = new Map<NoteId, NoteDecoration>();
    for (const note of snapshot.ordered) {
      const faded = highlighted !== null && !highlighted.has(note.id);
      const isRelationship = note.block === 'customerRelationships';
      const { type, stage, hypothesis } = note.relationship;
      const badge = isRelationship
        ? [type && t(relationshipTypeKey(type)), stage && t(stageKey(stage))]
            .filter(Boolean)
            .join(' · ') || null
        : null;
      const segment = segmentColors && isRelationship ? note.links.segments[0] : undefined;
      const segmentNote = segment ? snapshot.notes.get(segment) : undefined;
      const fill = segmentNote ? NOTE_COLORS[segmentNote.color] : null;
      const untested = isRelationship && hypothesis === 'untested';
      const noteDots = dots.get(note.id) ?? 0;
      const comments = openThreads.get(note.id) ?? 0;
      const draft = draftIds.has(note.id);
      if (faded || badge || fill || untested || noteDots > 0 || comments > 0 || draft)
        decorations.set(note.id, { badge, untested, fill, faded, dots: noteDots, comments, draft });
    }
    return decorations;
  }, [snapshot, filter, segmentColors, dots, openThreads, draftIds, t]);
}
