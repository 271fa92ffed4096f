'use client';
import { BLOCK_IDS } from '@/lib/model';
import type { WorkshopLocks } from '@/lib/model/workshop-locks';
import { blockTitleKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import type { WorkshopActions } from '@/lib/react/use-workshop-tools';
import styles from './workshop.module.css';

/** The facilitator's locks: the whole board, or single blocks (enforced by the server). */
export function LockControls({
  locks,
  actions,
}: {
  locks: WorkshopLocks;
  actions: WorkshopActions;
}) {
  const { t } = useI18n();
  return (
    <section className={styles.section} aria-label={t('locks.heading')}>
      <h2 className={styles.heading}>{t('locks.heading')}</h2>
      <label className={styles.option}>
        <input
          type="checkbox"
          checked={locks.board}
          data-testid="lock-board"
          onChange={(event) => actions.lockBoard(event.target.checked)}
        />
        {t('locks.board')}
      </label>
      <details className={styles.blocks}>
        {/* The summary counts locked blocks, so a closed list still says that some are. */}
        <summary data-testid="lock-blocks-toggle">
          {locks.blocks.length > 0
            ? t('locks.blocksLocked', { count: locks.blocks.length })
            : t('locks.blocks')}
        </summary>
        {BLOCK_IDS.map((block) => (
          <label key={block} className={styles.option}>
            <input
              type="checkbox"
              checked={locks.blocks.includes(block)}
              data-testid={`lock-block-${block}`}
              onChange={(event) => actions.lockBlock(block, event.target.checked)}
            />
            {t(blockTitleKey(block))}
          </label>
        ))}
      </details>
      <p className={styles.muted}>{t('locks.hint')}</p>
    </section>
  );
}
