'use client';
import type { NoteId, NoteRecord } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import { NoteChip } from './note-chip';
import styles from './overview.module.css';

/** A row header of the overview's tables: the segment note (a link to it), or "No segment". */
export function SegmentLabel({
  segmentId,
  notesById,
  onShowNote,
}: {
  segmentId: NoteId | null;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote(id: NoteId): void;
}) {
  const { t } = useI18n();
  if (segmentId === null)
    return <span className={styles.muted}>{t('insights.matrix.noSegment')}</span>;
  return (
    <NoteChip
      id={segmentId}
      notesById={notesById}
      onShowNote={onShowNote}
      className={styles.rowLink}
    />
  );
}
