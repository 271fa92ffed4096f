'use client';

/**
 * Current against planned, and the hypotheses by state: each bucket named, counted, and its
 * relationships listed as chips. Empty "not set" buckets are left out.
 */
import { useId } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import {
  HYPOTHESIS_BUCKETS,
  NOT_SET,
  STATUS_BUCKETS,
  type HypothesisBucket,
  type RelationshipOverview,
  type StatusBucket,
} from '@/lib/insights/overview';
import { hypothesisKey, statusKey } from '@/lib/i18n/relationship-keys';
import { useI18n } from '@/lib/react/i18n';
import { NoteChipList } from './note-chip';
import styles from './overview.module.css';

interface BucketsProps<B extends string> {
  heading: string;
  testId: string;
  buckets: readonly B[];
  lists: Readonly<Record<B, readonly NoteId[]>>;
  nameOf: (bucket: B) => string;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}

function Buckets<B extends string>({
  heading,
  testId,
  buckets,
  lists,
  nameOf,
  notesById,
  onShowNote,
}: BucketsProps<B>) {
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className={styles.heading}>
        {heading}
      </h3>
      <ul className={styles.buckets}>
        {buckets
          .filter((bucket) => bucket !== NOT_SET || lists[bucket].length > 0)
          .map((bucket) => (
            <li key={bucket} className={styles.bucket} data-bucket={bucket}>
              <div className={styles.bucketHead}>
                <span>{nameOf(bucket)}</span>
                <span className={styles.count}>{lists[bucket].length}</span>
              </div>
              <NoteChipList ids={lists[bucket]} notesById={notesById} onShowNote={onShowNote} />
            </li>
          ))}
      </ul>
    </section>
  );
}

interface OverviewCountsProps {
  overview: RelationshipOverview;
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  onShowNote: (id: NoteId) => void;
}

export function OverviewStatus({ overview, notesById, onShowNote }: OverviewCountsProps) {
  const { t } = useI18n();
  return (
    <Buckets<StatusBucket>
      heading={t('insights.status.heading')}
      testId="overview-status"
      buckets={STATUS_BUCKETS}
      lists={overview.status}
      nameOf={(bucket) => (bucket === NOT_SET ? t('insights.status.none') : t(statusKey(bucket)))}
      notesById={notesById}
      onShowNote={onShowNote}
    />
  );
}

export function OverviewHypotheses({ overview, notesById, onShowNote }: OverviewCountsProps) {
  const { t } = useI18n();
  return (
    <Buckets<HypothesisBucket>
      heading={t('insights.hypotheses.heading')}
      testId="overview-hypotheses"
      buckets={HYPOTHESIS_BUCKETS}
      lists={overview.hypotheses}
      nameOf={(bucket) => (bucket === NOT_SET ? t('rel.notSet') : t(hypothesisKey(bucket)))}
      notesById={notesById}
      onShowNote={onShowNote}
    />
  );
}
