'use client';

/**
 * Segments × funnel stages as a table: a row per segment (and "No segment" when some
 * relationship serves none), a column per stage (and "No stage"), the relationships as chips.
 */
import { useId } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import { NO_STAGE, STAGE_COLUMNS, type MatrixRow, type StageColumn } from '@/lib/insights/overview';
import type { RelationshipOverview } from '@/lib/insights/overview';
import { stageKey } from '@/lib/i18n/relationship-keys';
import { useI18n } from '@/lib/react/i18n';
import { SegmentLabel } from './segment-label';
import { NoteChipList } from './note-chip';
import styles from './overview.module.css';

interface OverviewMatrixProps {
  overview: RelationshipOverview;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}

const isEmptyRow = (row: MatrixRow) => STAGE_COLUMNS.every((c) => row.cells[c].length === 0);

export function OverviewMatrix({ overview, notesById, onShowNote }: OverviewMatrixProps) {
  const { t } = useI18n();
  const headingId = useId();
  const columnName = (column: StageColumn) =>
    column === NO_STAGE ? t('insights.matrix.noStage') : t(stageKey(column));
  // Segments always have a row (an empty row is the gap to see); "No segment" only when used.
  const rows = overview.matrix.filter((row) => row.segmentId !== null || !isEmptyRow(row));

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('insights.matrix.heading')}
      </h3>
      {overview.relationshipCount === 0 ? (
        <p className={styles.empty}>{t('insights.matrix.empty')}</p>
      ) : (
        <>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="overview-matrix">
              <caption className="visually-hidden">{t('insights.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.matrix.segment')}</th>
                  {STAGE_COLUMNS.map((column) => (
                    <th key={column} scope="col">
                      {columnName(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const rowKey = row.segmentId ?? 'unassigned';
                  return (
                    <tr key={rowKey}>
                      <th scope="row">
                        <SegmentLabel
                          segmentId={row.segmentId}
                          notesById={notesById}
                          onShowNote={onShowNote}
                        />
                      </th>
                      {STAGE_COLUMNS.map((column) => (
                        <td key={column} data-testid={`overview-cell-${rowKey}-${column}`}>
                          <NoteChipList
                            ids={row.cells[column]}
                            notesById={notesById}
                            onShowNote={onShowNote}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('insights.matrix.perStage')}</th>
                  {STAGE_COLUMNS.map((column) => (
                    <td
                      key={column}
                      className={
                        column !== NO_STAGE && overview.coverage[column] === 0
                          ? styles.gap
                          : undefined
                      }
                    >
                      {overview.coverage[column]}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <p className={styles.footnote}>{t('insights.matrix.footnote')}</p>
        </>
      )}
    </section>
  );
}
