'use client';
import { useI18n } from '@/lib/react/i18n';
import type { FollowState } from '@/lib/react/use-follow';
import styles from './follow.module.css';

/** The facilitator's follow me buttons, in the side panel's workshop area. */
export function FollowControls({ follow }: { follow: FollowState }) {
  const { t } = useI18n();
  return (
    <section className={styles.controls} aria-label={t('follow.heading')}>
      <button type="button" data-testid="follow-start" onClick={follow.start}>
        {follow.leading ? t('follow.bringBack') : t('follow.start')}
      </button>
      {follow.settings && (
        <button type="button" data-testid="follow-stop" onClick={follow.stop}>
          {t('follow.stop')}
        </button>
      )}
      {follow.leading && <p className={styles.muted}>{t('follow.leading')}</p>}
    </section>
  );
}

/** What a participant sees while follow me is on: who they follow, or a way back. */
export function FollowChip({ follow }: { follow: FollowState }) {
  const { t } = useI18n();
  if (!follow.settings || follow.leading) return null;
  const name = follow.settings.name;
  return (
    <div role="status" className={styles.chip} data-testid="follow-chip">
      {follow.following ? (
        t('follow.following', { name })
      ) : (
        <>
          {t('follow.detached', { name })}
          <button type="button" data-testid="follow-rejoin" onClick={follow.rejoin}>
            {t('follow.rejoin')}
          </button>
        </>
      )}
    </div>
  );
}
