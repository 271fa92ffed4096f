'use client';

/** A labelled native select for one choice field, with a first "not set" option. */
import { useId } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import {
  CHOICE_VALUES,
  relationshipFieldKey,
  relationshipValueKey,
  type ChoiceField,
} from '@/lib/i18n/relationship-keys';
import type { RelationshipFields } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import styles from './relationship.module.css';

export interface ChoiceSelectProps<F extends ChoiceField> {
  field: F;
  value: RelationshipFields[F] | undefined;
  /** null clears the field. */
  onChange: (value: RelationshipFields[F] | null) => void;
  /** Names the empty choice; "Not set" unless told. */
  noneKey?: MessageKey;
  /** A tooltip for each option, e.g. a type's description. */
  optionTitle?: (value: RelationshipFields[F]) => string;
  /** Ids of hints below the select. */
  describedBy?: string;
  /** `rel-<field>` unless told. */
  testId?: string;
  /** Keeps the label for screen readers only, when a heading above already says it. */
  hideLabel?: boolean;
}

export function ChoiceSelect<F extends ChoiceField>({
  field,
  value,
  onChange,
  noneKey = 'rel.notSet',
  optionTitle,
  describedBy,
  testId = `rel-${field}`,
  hideLabel = false,
}: ChoiceSelectProps<F>) {
  const { t } = useI18n();
  const id = useId();
  const values: readonly RelationshipFields[F][] = CHOICE_VALUES[field];
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {t(relationshipFieldKey(field))}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value ?? ''}
        aria-describedby={describedBy}
        data-testid={testId}
        onChange={(event) => {
          const chosen = values.find((v) => v === event.target.value);
          onChange(chosen ?? null);
        }}
      >
        <option value="">{t(noneKey)}</option>
        {values.map((v) => (
          <option key={v} value={v} title={optionTitle?.(v)}>
            {t(relationshipValueKey(field, v))}
          </option>
        ))}
      </select>
    </div>
  );
}
