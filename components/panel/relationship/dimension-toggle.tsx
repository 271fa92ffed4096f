'use client';

/**
 * One two-way dimension (mode, bond, intimacy) as a segmented pair of toggle buttons. Neither
 * pressed means "not set"; pressing the chosen one again clears it.
 */
import { useId } from 'react';
import {
  CHOICE_VALUES,
  dimensionHintKey,
  relationshipFieldKey,
  relationshipValueKey,
  type Dimension,
} from '@/lib/i18n/relationship-keys';
import type { RelationshipFields } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import styles from './relationship.module.css';

export interface DimensionToggleProps<D extends Dimension> {
  dimension: D;
  value: RelationshipFields[D] | undefined;
  onChange: (value: RelationshipFields[D] | null) => void;
  /** Id of the hint shared by the three toggles. */
  describedBy?: string;
}

export function DimensionToggle<D extends Dimension>({
  dimension,
  value,
  onChange,
  describedBy,
}: DimensionToggleProps<D>) {
  const { t } = useI18n();
  const labelId = useId();
  const stateId = useId();
  const values: readonly RelationshipFields[D][] = CHOICE_VALUES[dimension];
  return (
    <div className={styles.field}>
      <div className={styles.labelRow}>
        <span id={labelId} className={styles.label}>
          {t(relationshipFieldKey(dimension))}
        </span>
        {value === undefined ? (
          <span id={stateId} className={styles.notSet}>
            {t('rel.notSet')}
          </span>
        ) : null}
      </div>
      <div
        role="group"
        className={styles.segmented}
        aria-labelledby={value === undefined ? `${labelId} ${stateId}` : labelId}
        aria-describedby={describedBy}
        data-testid={`rel-${dimension}`}
        data-value={value ?? ''}
      >
        {values.map((v) => (
          <button
            key={v}
            type="button"
            className={styles.segment}
            aria-pressed={value === v}
            title={t(dimensionHintKey(dimension, v))}
            data-testid={`rel-${dimension}-${v}`}
            onClick={() => onChange(value === v ? null : v)}
          >
            {t(relationshipValueKey(dimension, v))}
          </button>
        ))}
      </div>
    </div>
  );
}
