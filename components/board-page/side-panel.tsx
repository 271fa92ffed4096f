'use client';
import { useState, type ReactNode } from 'react';
import { countRender } from '@/components/board/render-count';
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
  /** The Customer Relationships overview with its warnings and the filter (overview-part.tsx). */
  overviewPanel: ReactNode;
  /** Workshop tools shown above the tabs (the dot vote), when there is something to show. */
  header?: ReactNode;
}

/**
 * The DOM side of the board: the selected note, or the Customer Relationships overview with
 * its warnings and the filter. Everything here is also reachable by keyboard.
 */
export function SidePanel(props: SidePanelProps) {
  const { t } = useI18n();
  countRender('side-panel');
  const { tab } = props;
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
        {tab === 'comments'
          ? props.commentsPanel
          : tab === 'history'
            ? props.historyPanel
            : tab === 'note'
              ? props.notePanel
              : props.overviewPanel}
      </div>
    </div>
  );
}
