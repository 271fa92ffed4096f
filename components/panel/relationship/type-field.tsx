'use client';

/**
 * The relationship type: a select of the eight types (and none), the chosen type's
 * description below it, and all eight explained in a disclosure for whoever is choosing.
 */
import { useId } from 'react';
import { relationshipTypeDescriptionKey, relationshipTypeKey } from '@/lib/i18n/relationship-keys';
import { RELATIONSHIP_TYPES, type RelationshipType } from '@/lib/model/relationship';
import { useI18n } from '@/lib/react/i18n';
import { ChoiceSelect } from './choice-select';
import styles from './relationship.module.css';

export interface TypeFieldProps {
  value: RelationshipType | undefined;
  /** Sets the type and fills the dimensions it suggests; null clears the type only. */
  onChoose: (type: RelationshipType | null) => void;
}

export function TypeField({ value, onChoose }: TypeFieldProps) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <>
      <ChoiceSelect
        field="type"
        value={value}
        onChange={onChoose}
        noneKey="rel.none"
        hideLabel
        optionTitle={(type) => t(relationshipTypeDescriptionKey(type))}
        describedBy={hintId}
      />
      <p id={hintId} className={styles.hint} data-testid="rel-type-description">
        {value ? t(relationshipTypeDescriptionKey(value)) : t('rel.type.defaultsHint')}
      </p>
      <details className={styles.about}>
        <summary>{t('rel.type.about')}</summary>
        <dl className={styles.typeList}>
          {RELATIONSHIP_TYPES.map((type) => (
            <div key={type} className={type === value ? styles.chosenType : undefined}>
              <dt>{t(relationshipTypeKey(type))}</dt>
              <dd>{t(relationshipTypeDescriptionKey(type))}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
