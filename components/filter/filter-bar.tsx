'use client';

/**
 * Focus the board: toggle chips per dimension (type, stage, motivation, segment, status,
 * hypothesis). Values of one dimension are alternatives, dimensions combine; the board
 * highlights what matches (lib/insights/filter.ts) and fades the rest.
 */
import { useId } from 'react';
import type { NoteId } from '@/lib/model';
import {
  FILTER_DIMENSIONS,
  FILTER_VALUES,
  isFilterActive,
  toggleFilterValue,
  type BoardFilter,
  type FilterDimension,
} from '@/lib/insights/filter';
import { noteTitle } from '@/lib/insights/format';
import type { MessageKey } from '@/lib/i18n/messages';
import {
  hypothesisKey,
  motivationKey,
  relationshipFieldKey,
  relationshipTypeKey,
  stageKey,
  statusKey,
} from '@/lib/i18n/relationship-keys';
import { useI18n } from '@/lib/react/i18n';
import styles from './filter-bar.module.css';

export interface FilterBarProps {
  filter: BoardFilter;
  onChange(filter: BoardFilter): void;
  /** The board's Customer Segments notes, in the order to offer them. */
  segments: readonly { id: NoteId; text: string }[];
}

type LabelledDimension = Exclude<FilterDimension, 'segments'>;

const DIMENSION_NAME: Record<FilterDimension, MessageKey> = {
  types: relationshipFieldKey('type'),
  stages: relationshipFieldKey('stage'),
  motivations: relationshipFieldKey('motivation'),
  segments: 'insights.filter.segments',
  statuses: relationshipFieldKey('status'),
  hypotheses: relationshipFieldKey('hypothesis'),
};

/** The name of a value of a labelled dimension. */
function valueKey(dimension: LabelledDimension, value: string): MessageKey {
  const keys: { [D in LabelledDimension]: (v: never) => MessageKey } = {
    types: relationshipTypeKey,
    stages: stageKey,
    motivations: motivationKey,
    statuses: statusKey,
    hypotheses: hypothesisKey,
  };
  return (keys[dimension] as (v: string) => MessageKey)(value);
}

interface Option {
  value: string;
  label: string;
  title?: string;
}

export function FilterBar({ filter, onChange, segments }: FilterBarProps) {
  const { t } = useI18n();
  const hintId = useId();

  const optionsOf = (dimension: FilterDimension): Option[] =>
    dimension === 'segments'
      ? segments.map(({ id, text }) => ({
          value: id,
          label: noteTitle(text) || t('rel.links.emptyNote'),
          title: text.trim() || undefined,
        }))
      : FILTER_VALUES[dimension].map((value) => ({
          value,
          label: t(valueKey(dimension, value)),
        }));

  // Option values come from FILTER_VALUES[dimension] or the segment ids, so each fits its
  // dimension; TypeScript cannot follow that through the loop over dimensions.
  const toggle = (dimension: FilterDimension, value: string) =>
    onChange(toggleFilterValue(filter, dimension, value as never));

  return (
    <div
      className={styles.bar}
      role="group"
      aria-label={t('insights.filter.label')}
      aria-describedby={hintId}
      data-testid="filter-bar"
    >
      <div className={styles.header}>
        <h3 className={styles.title}>{t('insights.filter.label')}</h3>
        <button
          type="button"
          className={styles.clear}
          disabled={!isFilterActive(filter)}
          onClick={() => onChange({})}
          data-testid="filter-clear"
        >
          {t('insights.filter.clear')}
        </button>
      </div>
      <p id={hintId} className={styles.hint}>
        {t('insights.filter.hint')}
      </p>
      {FILTER_DIMENSIONS.map((dimension) => {
        const chosen = (filter[dimension] ?? []) as readonly string[];
        const options = optionsOf(dimension);
        return (
          <div
            key={dimension}
            className={styles.dimension}
            role="group"
            aria-label={t(DIMENSION_NAME[dimension])}
          >
            <span className={styles.dimensionName} aria-hidden="true">
              {t(DIMENSION_NAME[dimension])}
            </span>
            {options.length === 0 ? (
              <span className={styles.none}>{t('insights.filter.noSegments')}</span>
            ) : (
              <div className={styles.chips}>
                {options.map((option) => (
                  <button
                    key={option.value}
                    type="button"
                    className={styles.chip}
                    aria-pressed={chosen.includes(option.value)}
                    title={option.title}
                    onClick={() => toggle(dimension, option.value)}
                    data-testid={`filter-${dimension}-${option.value}`}
                  >
                    {option.label}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
