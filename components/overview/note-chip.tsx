'use client';

/** A note named by its text, as a small button that selects and shows it on the board. */
import type { NoteId, NoteRecord } from '@/lib/model';
import { noteTitle } from '@/lib/insights/format';
import { useI18n } from '@/lib/react/i18n';
import styles from './overview.module.css';

export interface NoteChipProps {
  id: NoteId;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
  /** Another look than the default chip (e.g. a row header). */
  className?: string;
}

/** The one-line title to show for a note, with a fallback for empty or missing notes. */
export function useNoteTitle(notesById: ReadonlyMap<NoteId, NoteRecord>) {
  const { t } = useI18n();
  return (id: NoteId): string => {
    const note = notesById.get(id);
    if (!note) return t('rel.links.missing');
    return noteTitle(note.text) || t('rel.links.emptyNote');
  };
}

export function NoteChip({ id, notesById, onShowNote, className }: NoteChipProps) {
  const { t } = useI18n();
  const title = useNoteTitle(notesById)(id);
  return (
    <button
      type="button"
      className={className ?? styles.chip}
      title={t('rel.links.show', { text: notesById.get(id)?.text.trim() || title })}
      data-note-id={id}
      onClick={() => onShowNote(id)}
    >
      {title}
    </button>
  );
}

/** Chips for a list of notes, as a list (nothing at all when the list is empty). */
export function NoteChipList({
  ids,
  notesById,
  onShowNote,
}: {
  ids: readonly NoteId[];
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}) {
  if (ids.length === 0) return null;
  return (
    <ul className={styles.chips}>
      {ids.map((id) => (
        <li key={id}>
          <NoteChip id={id} notesById={notesById} onShowNote={onShowNote} />
        </li>
      ))}
    </ul>
  );
}
