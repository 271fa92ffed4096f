'use client';

/**
 * The 403 page: a board opened without its link's key (`?t=`), or with one that was replaced.
 * Says what a link is and whom to ask, in the reader's language, and never shows the board.
 */
import Link from 'next/link';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { useI18n } from '@/lib/react/i18n';
import styles from './not-found-view.module.css';

export function NeedLinkView() {
  const { t } = useI18n();
  return (
    <main className={styles.page} data-testid="need-link">
      <div className={styles.card}>
        <p className={styles.code} aria-hidden="true">
          403
        </p>
        <h1 className={styles.title}>{t('access.title')}</h1>
        <p className={styles.message}>{t('access.message')}</p>
        <p className={styles.message}>{t('access.ask')}</p>
        <Link href="/" className={styles.home}>
          {t('error.backHome')}
        </Link>
        <LanguageSwitch />
      </div>
    </main>
  );
}
