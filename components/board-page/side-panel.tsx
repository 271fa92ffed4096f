'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { FilterBar } from '@/components/filter/filter-bar';
import { RelationshipsOverview } from '@/components/overview/relationships-overview';
import type { BoardSnapshot } from '@/lib/doc';
import type { BoardIndex } from '@/lib/insights/board-index';
import { isFilterActive, type BoardFilter } from '@/lib/insights/filter';
import { computeOverview } from '@/lib/insights/overview';
import { computeWarnings } from '@/lib/insights/warnings';
import type { NoteId } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import styles from './side-panel.module.css';

export type SidePanelTab = 'note' | 'overview' | 'comments' | 'history';

interface SidePanelProps {
  tab: SidePanelTab;
  onTab(tab: SidePanelTab): void;
  /** The selection's panel (NotePanel), shown on the "note" tab. */
  notePanel: ReactNode;
  /** The selected note's comment threads (components/comments), on the "comments" tab. */
  commentsPanel: ReactNode;
  /** The board's versions (components/history), on the "history" tab. */
  historyPanel: ReactNode;
  snapshot: BoardSnapshot;
  /** indexBoard of the snapshot, computed once by the page. */
  index: BoardIndex;
  filter: BoardFilter;
  onFilter(filter: BoardFilter): void;
  segmentColors: boolean;
  onSegmentColors(on: boolean): void;
  onShowNote(id: NoteId): void;
  /** Workshop tools shown above the tabs (the dot vote), when there is something to show. */
  header?: ReactNode;
}

/**
 * The DOM side of the board: the selected note, or the Customer Relationships overview with
 * its warnings and the filter. Everything here is also reachable by keyboard.
 */
export function SidePanel(props: SidePanelProps) {
  const { t } = useI18n();
  const { snapshot, index, tab } = props;
  // Recomputed on every board change while the overview is open: a few ms at most (bench).
  const insights = useMemo(() => {
    if (tab !== 'overview') return null;
    return {
      overview: computeOverview(snapshot.ordered, index),
      warnings: computeWarnings(snapshot.ordered, index),
    };
  }, [snapshot.ordered, index, tab]);
  const segments = useMemo(
    () => index.segments.map((n) => ({ id: n.id, text: n.text })),
    [index.segments],
  );
  const [tabIds] = useState(() => ({
    note: 'side-tab-note',
    overview: 'side-tab-overview',
    comments: 'side-tab-comments',
    history: 'side-tab-history',
  }));

  const tabButton = (id: SidePanelTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={tabIds[id]}
      aria-selected={tab === id}
      aria-controls={`${tabIds[id]}-panel`}
      className={tab === id ? styles.activeTab : styles.tab}
      data-testid={`side-tab-${id}`}
      onClick={() => props.onTab(id)}
    >
      {label}
    </button>
  );

  return (
    <div className={tab === 'overview' ? `${styles.side} ${styles.wide}` : styles.side}>
      {props.header && <div className={styles.header}>{props.header}</div>}
      <div role="tablist" className={styles.tabs} aria-label={t('side.tabs')}>
        {tabButton('note', t('side.tab.note'))}
        {tabButton('overview', t('side.tab.overview'))}
        {tabButton('comments', t('comments.heading'))}
        {tabButton('history', t('side.tab.history'))}
      </div>
      <div
        role="tabpanel"
        id={`${tabIds[tab]}-panel`}
        aria-labelledby={tabIds[tab]}
        className={styles.content}
      >
        {tab === 'comments' ? (
          props.commentsPanel
        ) : tab === 'history' ? (
          props.historyPanel
        ) : tab === 'note' || !insights ? (
          props.notePanel
        ) : (
          <div className={styles.overview}>
            <RelationshipsOverview
              overview={insights.overview}
              warnings={insights.warnings}
              notesById={snapshot.notes}
              onShowNote={props.onShowNote}
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
        )}
      </div>
    </div>
  );
}
