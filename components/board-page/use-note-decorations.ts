'use client';
import { useMemo } from 'react';
import type { NoteDecoration } from '@/components/board/note-node';
import type { BoardSnapshot } from '@/lib/doc';
import { relationshipTypeKey, stageKey } from '@/lib/i18n/relationship-keys';
import { highlightedNotes, type BoardFilter } from '@/lib/insights/filter';
import { NOTE_COLORS, type NoteId } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';

const NO_COUNTS: ReadonlyMap<NoteId, number> = new Map();

/**
 * What the canvas draws on top of each note's record: a relationship's type and stage as a
 * badge, the "untested hypothesis" mark, the colour lent by its segment (an option), the
 * count of open comment threads, dot-vote dots, and the fading of notes the filter leaves
 * out. Only notes with something to show are in the map.
 */
export function useNoteDecorations(
  snapshot: BoardSnapshot,
  filter: BoardFilter,
  segmentColors: boolean,
  /** Dots to show per note (dot voting), or an empty map. */
  dots: ReadonlyMap<NoteId, number>,
  openThreads: ReadonlyMap<NoteId, number> = NO_COUNTS,
): ReadonlyMap<NoteId, NoteDecoration> {
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
      if (faded || badge || fill || untested || noteDots > 0 || comments > 0)
        decorations.set(note.id, { badge, untested, fill, faded, dots: noteDots, comments });
    }
    return decorations;
  }, [snapshot, filter, segmentColors, dots, openThreads, t]);
}
