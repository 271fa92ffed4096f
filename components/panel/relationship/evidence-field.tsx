'use client';

/** The one line of evidence for the hypothesis: written on blur or Enter, Esc reverts. */
import { useId } from 'react';
import { relationshipFieldKey } from '@/lib/i18n/relationship-keys';
import { MAX_EVIDENCE_LENGTH } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import styles from './relationship.module.css';
import { useDraft } from './use-draft';

export interface EvidenceFieldProps {
  value: string | undefined;
  /** The new evidence, or null to clear it. */
  onChange: (evidence: string | null) => void;
}

export function EvidenceField({ value, onChange }: EvidenceFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = useId();
  const stored = value ?? '';
  const draft = useDraft(stored, (text) => {
    // One line: pasted line breaks become spaces.
    const line = text.replace(/\s+/g, ' ').trim().slice(0, MAX_EVIDENCE_LENGTH);
    if (line !== stored) onChange(line === '' ? null : line);
    return true;
  });
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {t(relationshipFieldKey('evidence'))}
      </label>
      <input
        id={id}
        type="text"
        className={styles.input}
        value={draft.value}
        maxLength={MAX_EVIDENCE_LENGTH}
        placeholder={t('rel.evidence.placeholder')}
        aria-describedby={hintId}
        autoComplete="off"
        data-testid="rel-evidence"
        onChange={(event) => draft.change(event.target.value)}
        onBlur={draft.commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            draft.commit();
          } else if (event.key === 'Escape') {
            event.stopPropagation(); // Esc undoes the typing here; it must not clear the selection
            draft.revert();
          }
        }}
      />
      <p id={hintId} className={styles.hint}>
        {t('rel.evidence.hint', { max: MAX_EVIDENCE_LENGTH })}
      </p>
    </div>
  );
}
