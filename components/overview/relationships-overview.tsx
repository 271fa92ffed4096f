'use client';

/**
 * The Customer Relationships block seen as a whole, beside the board: segments × funnel
 * stages, costs, current against planned, hypotheses, and what is missing. Presentational:
 * it shows what lib/insights computed from the board's records, and every note it names is
 * a button that asks the board to select and show that note.
 */
import type { NoteId, NoteRecord } from '@/lib/model';
import type { RelationshipOverview } from '@/lib/insights/overview';
import type { CoherenceWarning } from '@/lib/insights/warnings';
import { pluralKey } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import { OverviewCosts } from './overview-costs';
import { OverviewHypotheses, OverviewStatus } from './overview-counts';
import { OverviewMatrix } from './overview-matrix';
import { WarningsList } from './warnings-list';
import styles from './overview.module.css';

export interface RelationshipsOverviewProps {
  /** computeOverview(notes) for the board's current records. */
  overview: RelationshipOverview;
  /** computeWarnings(notes) for the same records. */
  warnings: CoherenceWarning[];
  /** Every note of the board by id, to name the notes the overview lists. */
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  /** Select the note and bring it into view on the board. */
  onShowNote(id: NoteId): void;
}

type SummaryKey = `insights.summary.${'relationships' | 'segments' | 'channels'}`;

export function RelationshipsOverview({
  overview,
  warnings,
  notesById,
  onShowNote,
}: RelationshipsOverviewProps) {
  const { t } = useI18n();
  const shared = { overview, notesById, onShowNote };
  const count = (base: SummaryKey, n: number) => t(pluralKey(base, n), { count: n });

  return (
    <div className={styles.overview} data-testid="relationships-overview">
      <h2 className={styles.title}>{t('insights.label')}</h2>
      <p className={styles.summary}>
        {[
          count('insights.summary.relationships', overview.relationshipCount),
          count('insights.summary.segments', overview.segmentCount),
          count('insights.summary.channels', overview.channelCount),
        ].join(' · ')}
      </p>
      <OverviewMatrix {...shared} />
      <OverviewCosts {...shared} />
      {overview.relationshipCount > 0 ? (
        <>
          <OverviewStatus {...shared} />
          <OverviewHypotheses {...shared} />
        </>
      ) : null}
      <WarningsList warnings={warnings} notesById={notesById} onShowNote={onShowNote} />
    </div>
  );
}
