'use client';

/**
 * What is missing, live: one line per coherence warning, each a button that shows its note
 * on the board (an empty funnel stage has no note, so it is plain text).
 */
import { useId } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import { warningKey, type CoherenceWarning } from '@/lib/insights/warnings';
import { stageKey } from '@/lib/i18n/relationship-keys';
import type { MessageKey } from '@/lib/i18n/messages';
import { pluralKey } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import { useNoteTitle } from './note-chip';
import styles from './overview.module.css';

export interface WarningsListProps {
  warnings: readonly CoherenceWarning[];
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}

function warningMessageKey(warning: CoherenceWarning): MessageKey {
  return `insights.warning.${warning.kind}`;
}

export function WarningsList({ warnings, notesById, onShowNote }: WarningsListProps) {
  const { t } = useI18n();
  const titleOf = useNoteTitle(notesById);
  const headingId = useId();
  const countLabel = t(pluralKey('insights.warnings.count', warnings.length), {
    count: warnings.length,
  });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="warnings-list">
      <h3 id={headingId} className={styles.heading}>
        {t('insights.warnings.heading')}{' '}
        <span
          className={warnings.length > 0 ? styles.badgeWarning : styles.badge}
          aria-hidden="true"
          data-testid="warnings-count"
        >
          {warnings.length}
        </span>
        <span className="visually-hidden">{countLabel}</span>
      </h3>
      {warnings.length === 0 ? (
        <p className={styles.empty}>{t('insights.warnings.empty')}</p>
      ) : (
        <ul className={styles.warnings}>
          {warnings.map((warning) => (
            <li key={warningKey(warning)} data-testid="warning-item" data-kind={warning.kind}>
              {warning.kind === 'stageEmpty' ? (
                <span className={styles.warning}>
                  {t(warningMessageKey(warning), { stage: t(stageKey(warning.stage)) })}
                </span>
              ) : (
                <button
                  type="button"
                  className={styles.warning}
                  data-note-id={warning.noteId}
                  onClick={() => onShowNote(warning.noteId)}
                >
                  {t(warningMessageKey(warning), { note: titleOf(warning.noteId) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
