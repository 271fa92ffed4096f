'use client';

/**
 * What the relationships cost: per segment, then in total, one line per currency and period.
 * Amounts in different currencies or periods are never added together (lib/insights).
 */
import { useId, type ReactNode } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import type { CostLine, RelationshipOverview } from '@/lib/insights/overview';
import { formatMoney } from '@/lib/insights/format';
import { costPeriodKey } from '@/lib/i18n/relationship-keys';
import { pluralKey } from '@/lib/i18n/translate';
import { useI18n } from '@/lib/react/i18n';
import { SegmentLabel } from './segment-label';
import styles from './overview.module.css';

interface OverviewCostsProps {
  overview: RelationshipOverview;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}

/** Rows of one group (a segment, or the total): the header cell spans its lines. */
function CostRows({
  header,
  lines,
  testIdPrefix,
}: {
  header: ReactNode;
  lines: readonly CostLine[];
  testIdPrefix?: string;
}) {
  const { locale, t } = useI18n();
  return lines.map((line, index) => (
    <tr
      key={`${line.currency} ${line.period}`}
      data-testid={testIdPrefix ? `${testIdPrefix}-${line.currency}-${line.period}` : undefined}
    >
      {index === 0 ? (
        <th scope="rowgroup" rowSpan={lines.length}>
          {header}
        </th>
      ) : null}
      <td>{t(costPeriodKey(line.period))}</td>
      <td className={styles.amount}>{formatMoney(line.amount, line.currency, locale)}</td>
    </tr>
  ));
}

export function OverviewCosts({ overview, notesById, onShowNote }: OverviewCostsProps) {
  const { t } = useI18n();
  const headingId = useId();
  const { bySegment, totals, unsummed } = overview.costs;
  const nothing = totals.length === 0 && unsummed.length === 0;

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="overview-costs">
      <h3 id={headingId} className={styles.heading}>
        {t('insights.costs.heading')}
      </h3>
      {nothing ? (
        <p className={styles.empty}>{t('insights.costs.empty')}</p>
      ) : (
        <>
          {totals.length > 0 ? (
            <div className={styles.scroll}>
              <table className={styles.table}>
                <caption className="visually-hidden">{t('insights.costs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.matrix.segment')}</th>
                    <th scope="col">{t('rel.field.costPeriod')}</th>
                    <th scope="col" className={styles.amount}>
                      {t('rel.field.costAmount')}
                    </th>
                  </tr>
                </thead>
                {bySegment.map((row) => (
                  <tbody key={row.segmentId ?? 'unassigned'}>
                    <CostRows
                      lines={row.lines}
                      header={
                        <SegmentLabel
                          segmentId={row.segmentId}
                          notesById={notesById}
                          onShowNote={onShowNote}
                        />
                      }
                    />
                  </tbody>
                ))}
                <tbody className={styles.total}>
                  <CostRows
                    lines={totals}
                    header={t('insights.costs.total')}
                    testIdPrefix="overview-total"
                  />
                </tbody>
              </table>
            </div>
          ) : null}
          {unsummed.length > 0 ? (
            <p className={styles.note}>
              {t(pluralKey('insights.costs.unsummed', unsummed.length), {
                count: unsummed.length,
              })}
            </p>
          ) : null}
          <p className={styles.footnote}>{t('insights.costs.footnote')}</p>
        </>
      )}
    </section>
  );
}
