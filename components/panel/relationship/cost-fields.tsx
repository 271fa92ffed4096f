'use client';

/**
 * What the relationship costs: an amount (written on blur or Enter; an invalid amount shows
 * an error and writes nothing), a currency and a period.
 */
import { useId, useState } from 'react';
import { relationshipFieldKey } from '@/lib/i18n/relationship-keys';
import {
  COMMON_CURRENCIES,
  MAX_COST_AMOUNT,
  RELATIONSHIP_FIELD_VALIDATORS,
  type RelationshipLabels,
} from '@/lib/model/relationship';
import type { RelationshipPatch } from '@/lib/doc/relationships';
import { useI18n } from '@/lib/react/i18n';
import { ChoiceSelect } from './choice-select';
import styles from './relationship.module.css';
import { useDraft } from './use-draft';

/** Digits with at most one decimal separator, a point or a comma (as Spanish writes it). */
const AMOUNT_PATTERN = /^(\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** The amount typed, as a number, or null when it is not a valid cost. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/\s/g, '');
  if (!AMOUNT_PATTERN.test(compact)) return null;
  const amount = Number(compact.replace(',', '.'));
  return RELATIONSHIP_FIELD_VALIDATORS.costAmount(amount) ? amount : null;
}

export interface CostFieldsProps {
  labels: RelationshipLabels;
  onLabel: (patch: RelationshipPatch) => void;
}

export function CostFields({ labels, onLabel }: CostFieldsProps) {
  const { locale, t } = useI18n();
  const amountId = useId();
  const errorId = useId();
  const currencyId = useId();
  const [invalid, setInvalid] = useState(false);
  const stored = labels.costAmount;
  const draft = useDraft(stored === undefined ? '' : String(stored), (text) => {
    if (text.trim() === '') {
      if (stored !== undefined) onLabel({ costAmount: null });
      return true;
    }
    const amount = parseAmount(text);
    setInvalid(amount === null);
    if (amount === null) return false;
    if (amount !== stored) onLabel({ costAmount: amount });
    return true;
  });

  const currency = labels.costCurrency;
  const currencies: readonly string[] =
    currency && !(COMMON_CURRENCIES as readonly string[]).includes(currency)
      ? [...COMMON_CURRENCIES, currency]
      : COMMON_CURRENCIES;

  return (
    <>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={amountId} className={styles.label}>
            {t(relationshipFieldKey('costAmount'))}
          </label>
          <input
            id={amountId}
            type="text"
            inputMode="decimal"
            className={styles.input}
            value={draft.value}
            placeholder={t('rel.cost.placeholder')}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            data-testid="rel-cost-amount"
            onChange={(event) => {
              setInvalid(false);
              draft.change(event.target.value);
            }}
            onBlur={draft.commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                draft.commit();
              } else if (event.key === 'Escape') {
                event.stopPropagation();
                setInvalid(false);
                draft.revert();
              }
            }}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={currencyId} className={styles.label}>
            {t(relationshipFieldKey('costCurrency'))}
          </label>
          <select
            id={currencyId}
            className={styles.select}
            value={currency ?? ''}
            data-testid="rel-cost-currency"
            onChange={(event) => onLabel({ costCurrency: event.target.value || null })}
          >
            <option value="">{t('rel.notSet')}</option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
      </div>
      {invalid ? (
        <p id={errorId} className={styles.error} role="alert" data-testid="rel-cost-error">
          {t('rel.cost.invalid', { max: new Intl.NumberFormat(locale).format(MAX_COST_AMOUNT) })}
        </p>
      ) : null}
      <ChoiceSelect
        field="costPeriod"
        testId="rel-cost-period"
        value={labels.costPeriod}
        onChange={(costPeriod) => onLabel({ costPeriod })}
      />
    </>
  );
}
