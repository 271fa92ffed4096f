'use client';
import { useMemo } from 'react';
import { BLOCK_IDS, type BlockId } from '@/lib/model';
import { blockQuestionKey, blockTitleKey } from '@/lib/i18n/messages';
import { isBlockLocked, type WorkshopLocks } from '@/lib/model/workshop-locks';
import { useI18n } from '@/lib/react/i18n';
import type { BlockLabel } from './blocks-layer';

/** Each block's title (saying so when the facilitator locked it) and guiding question. */
export function useBlockLabels(locks: WorkshopLocks): Record<BlockId, BlockLabel> {
  const { t } = useI18n();
  return useMemo(
    () =>
      Object.fromEntries(
        BLOCK_IDS.map((id) => [
          id,
          {
            title: isBlockLocked(locks, id)
              ? t('workshop.lockedBlockTitle', { title: t(blockTitleKey(id)) })
              : t(blockTitleKey(id)),
            question: t(blockQuestionKey(id)),
          },
        ]),
      ) as Record<BlockId, BlockLabel>,
    [t, locks],
  );
}
