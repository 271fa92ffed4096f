'use client';
import { useMemo } from 'react';
import { countRender } from '@/components/board/render-count';
import { FilterBar } from '@/components/filter/filter-bar';
import { RelationshipsOverview } from '@/components/overview/relationships-overview';
import { indexBoard } from '@/lib/insights/board-index';
import { isFilterActive, type BoardFilter } from '@/lib/insights/filter';
import { computeOverview } from '@/lib/insights/overview';
import { computeWarnings } from '@/lib/insights/warnings';
import { useI18n } from '@/lib/react/i18n';
import { useSnapshot } from '@/lib/react/use-session';
import { usePage } from './page-context';
import styles from './side-panel.module.css';

export interface OverviewPartProps {
  filter: BoardFilter;
  onFilter(filter: BoardFilter): void;
  segmentColors: boolean;
  onSegmentColors(on: boolean): void;
}

/**
 * The Customer Relationships overview, its warnings and the filter. It reads the whole
 * board, so it re-renders on every change, but only while its tab is open (it is mounted
 * only then): a few ms at most (bench).
 */
export function OverviewPart(props: OverviewPartProps) {
  countRender('overview');
  const { t } = useI18n();
  const { showNote } = usePage();
  const snapshot = useSnapshot();
  const index = useMemo(() => indexBoard(snapshot.ordered), [snapshot.ordered]);
  const overview = useMemo(() => computeOverview(snapshot.ordered, index), [snapshot, index]);
  const warnings = useMemo(() => computeWarnings(snapshot.ordered, index), [snapshot, index]);
  const segments = useMemo(
    () => index.segments.map((n) => ({ id: n.id, text: n.text })),
    [index.segments],
  );
  return (
    <div className={styles.overview}>
      <RelationshipsOverview
        overview={overview}
        warnings={warnings}
        notesById={snapshot.notes}
        onShowNote={showNote}
      />
      {/* Open by default only while a filter is on, so the overview comes first. */}
      <details className={styles.focus} open={isFilterActive(props.filter) || undefined}>
        <summary data-testid="focus-toggle">{t('side.focus')}</summary>
        <FilterBar filter={props.filter} onChange={props.onFilter} segments={segments} />
        <label className={styles.option}>
          <input
            type="checkbox"
            checked={props.segmentColors}
            data-testid="segment-colors-toggle"
            onChange={(event) => props.onSegmentColors(event.target.checked)}
          />
          {t('side.segmentColors')}
        </label>
      </details>
    </div>
  );
}
