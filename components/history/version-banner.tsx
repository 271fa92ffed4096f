'use client';
import type { VersionMeta } from '@/lib/api/snapshots';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/react/i18n';
import { versionLabel } from './version-name';
import styles from './history.module.css';

export interface VersionBannerProps {
  version: VersionMeta;
  canRestore: boolean;
  onBack(): void;
  onRestore(): void;
}

/** Over the canvas while a past version is shown: what it is, that it is read-only, the way back. */
export function VersionBanner({ version, canRestore, onBack, onRestore }: VersionBannerProps) {
  const { t, locale } = useI18n();
  return (
    <div role="status" className={styles.banner} data-testid="version-banner">
      <span>
        {t('history.viewing', {
          name: versionLabel(version, t),
          when: formatDateTime(version.createdAt, locale),
        })}
      </span>
      <button type="button" className={styles.primary} data-testid="version-back" onClick={onBack}>
        {t('history.back')}
      </button>
      {canRestore && (
        <button
          type="button"
          className={styles.secondary}
          data-testid="version-restore"
          onClick={onRestore}
        >
          {t('history.restore')}
        </button>
      )}
    </div>
  );
}
