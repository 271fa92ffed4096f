'use client';

/** The 404 page: a board link that leads nowhere (mistyped, cut short), and the way home. */
import Link from 'next/link';
import { useI18n } from '@/lib/react/i18n';
import styles from './not-found-view.module.css';

export function NotFoundView() {
  const { t } = useI18n();
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <p className={styles.code} aria-hidden="true">
          404
        </p>
        <h1 className={styles.title}>{t('error.notFoundTitle')}</h1>
        <p className={styles.message}>{t('error.boardNotFound')}</p>
        <Link href="/" className={styles.home}>
          {t('error.backHome')}
        </Link>
      </div>
    </main>
  );
}
