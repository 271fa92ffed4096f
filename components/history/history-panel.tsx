'use client';
/**
 * The History tab: the board's saved versions (name, kind, time), "Save version" with a name
 * for editors and the facilitator, and for each version "Open" (a read-only canvas) and
 * "Restore" (editors and the facilitator; the board is saved first as "Before restoring …").
 */
import { useEffect, useId, useState } from 'react';
import type { VersionMeta } from '@/lib/api/snapshots';
import { formatDateTime, formatRelativeTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/react/i18n';
import type { VersionHistory } from './use-version-history';
import { versionKindKey, versionLabel } from './version-name';
import styles from './history.module.css';

export interface HistoryPanelProps {
  history: VersionHistory;
  /** Editors and the facilitator save and restore; a viewer only opens. */
  canChange: boolean;
  onOpen(version: VersionMeta): void;
  onRestore(version: VersionMeta): void;
  /** A version being opened or restored (its buttons wait). */
  busy: string | null;
}

export function HistoryPanel({ history, canChange, onOpen, onRestore, busy }: HistoryPanelProps) {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [saveFailed, setSaveFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const nameId = useId();
  const { versions, refresh } = history;
  // Others save versions too, and automatic ones appear as people work: read the list afresh
  // each time the tab is opened.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = async () => {
    if (name.trim() === '' || saving) return;
    setSaving(true);
    const saved = await history.save(name);
    setSaving(false);
    setSaveFailed(saved === null);
    if (saved) setName('');
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="history-panel">
      <h2 id={headingId} className={styles.heading}>
        {t('history.heading')}
      </h2>
      {canChange && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={nameId} className={styles.label}>
            {t('history.save.label')}
          </label>
          <input
            id={nameId}
            className={styles.input}
            value={name}
            maxLength={120}
            placeholder={t('history.save.placeholder')}
            data-testid="history-name-input"
            onKeyDown={(event) => event.stopPropagation()}
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="submit"
            className={styles.primary}
            disabled={name.trim() === '' || saving}
            data-testid="history-save"
          >
            {t('history.save.submit')}
          </button>
          {saveFailed && (
            <p role="alert" className={styles.error}>
              {t('history.save.failed')}
            </p>
          )}
        </form>
      )}
      {history.failed && (
        <p role="alert" className={styles.error}>
          {t('history.loadFailed')}
        </p>
      )}
      {versions && versions.length === 0 && <p className={styles.hint}>{t('history.empty')}</p>}
      {versions && versions.length > 0 && (
        <ol className={styles.list}>
          {versions.map((version) => (
            <li key={version.id} className={styles.version} data-testid="history-version">
              <span className={styles.name} data-testid="history-version-name">
                {versionLabel(version, t)}
              </span>
              <span className={styles.meta}>
                {t(versionKindKey(version))} ·{' '}
                <time
                  dateTime={new Date(version.createdAt).toISOString()}
                  title={formatDateTime(version.createdAt, locale)}
                >
                  {formatRelativeTime(version.createdAt, Date.now(), locale)}
                </time>
              </span>
              <span className={styles.buttons}>
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={busy !== null}
                  data-testid="history-open"
                  onClick={() => onOpen(version)}
                >
                  {t('history.open')}
                </button>
                {canChange && (
                  <button
                    type="button"
                    className={styles.secondary}
                    disabled={busy !== null}
                    data-testid="history-restore"
                    onClick={() => onRestore(version)}
                  >
                    {t('history.restore')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
