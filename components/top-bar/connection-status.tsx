'use client';

/** A coloured dot with words: connected, connecting, or offline with edits kept locally. */
import { useI18n } from '@/lib/react/i18n';
import styles from './connection-status.module.css';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline' | 'revoked' | 'outdated';

const STATUS_TEXT_KEY = {
  connected: 'connection.connected',
  connecting: 'connection.connecting',
  offline: 'connection.offline',
  revoked: 'connection.revoked',
  outdated: 'connection.outdated',
} as const;

export function ConnectionStatusIndicator({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  return (
    // role="status": a change (going offline, back online) is announced politely.
    <div
      role="status"
      className={styles.status}
      data-status={status}
      data-testid="connection-status"
    >
      <span className={styles.dot} aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className={styles.text}>{t(STATUS_TEXT_KEY[status])}</span>
      {status === 'outdated' && (
        // The page's code is older than the board's schema: only a reload brings the new code.
        <button type="button" data-testid="reload" onClick={() => window.location.reload()}>
          {t('connection.reload')}
        </button>
      )}
    </div>
  );
}
