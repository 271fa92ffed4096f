'use client';
import { useMemo } from 'react';
import { NotePanel, type NotePanelProps } from '@/components/panel/note-panel';
import type { RelationshipPatch } from '@/lib/doc/relationships';
import { indexBoard } from '@/lib/insights/board-index';
import type { NoteId, NoteRecord, RelationshipType } from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import { useSnapshot } from '@/lib/react/use-session';
import { usePage } from './page-context';

/**
 * The panel of one selected Customer Relationships note, with its editor. It reads the
 * board's channels and segments (the link choices), so it re-renders on board changes while
 * such a note is selected. The callbacks are bound to this note's id in this render, so a
 * value still being typed when the selection changes is saved on the note it was typed for.
 */
export function RelationshipNotePanel({
  note,
  actions,
  ...panel
}: Omit<NotePanelProps, 'relationship'> & { note: NoteRecord; actions: BoardActions }) {
  const { connect, showNote } = usePage();
  const snapshot = useSnapshot();
  const index = useMemo(() => indexBoard(snapshot.ordered), [snapshot.ordered]);
  const id = note.id;
  const relationship = useMemo(
    () => ({
      channels: index.channels,
      segments: index.segments,
      onLabel: (patch: RelationshipPatch) => actions.labelRelationship(id, patch),
      onChooseType: (type: RelationshipType | null) => actions.chooseRelationshipType(id, type),
      onLink: (target: NoteId) => connect(id, target),
      onUnlink: (target: NoteId) => actions.unlinkNotes(id, target),
      onShowNote: showNote,
    }),
    [actions, id, index, connect, showNote],
  );
  return <NotePanel {...panel} relationship={relationship} />;
}
