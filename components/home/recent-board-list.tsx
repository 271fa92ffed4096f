'use client';

/**
 * The boards opened before in this browser, newest first, each a link with when it was last
 * opened; an empty state when there are none. Nothing is shown until the browser's storage
 * has been read, so the server render never flashes the empty state.
 */
import { useId, useState } from 'react';
import Link from 'next/link';
import { formatDateTime, formatRelativeTime } from '@/lib/i18n/format';
import { recentBoardHref } from '@/lib/recent-boards';
import { useI18n } from '@/lib/react/i18n';
import { useRecentBoards } from '@/lib/react/use-recent-boards';
import styles from './recent-board-list.module.css';

export function RecentBoardList() {
  const { locale, t } = useI18n();
  const boards = useRecentBoards();
  const [now] = useState(Date.now); // one reference time per visit keeps the dates steady
  const headingId = useId();

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="recent-boards">
      <h2 id={headingId} className={styles.heading}>
        {t('home.recent.heading')}
      </h2>
      {boards === undefined ? null : boards.length === 0 ? (
        <p className={styles.empty}>{t('home.recent.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {boards.map((board) => (
            <li key={board.id}>
              <Link
                href={recentBoardHref(board)}
                className={styles.link}
                data-testid="recent-board-link"
              >
                <span className={styles.title}>{board.title}</span>
                <time
                  className={styles.when}
                  dateTime={new Date(board.openedAt).toISOString()}
                  title={formatDateTime(board.openedAt, locale)}
                >
                  {t('home.recent.openedAt', {
                    when: formatRelativeTime(board.openedAt, now, locale),
                  })}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className={styles.privacy}>{t('home.recent.privacy')}</p>
    </section>
  );
}
