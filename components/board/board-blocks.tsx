'use client';
import { memo, useMemo } from 'react';
import type { BlockId } from '@/lib/model';
import { useSessionValue, useWorkshopState } from '@/lib/react/use-session';
import { snapshotSelector } from '@/lib/session/derived';
import { sameList } from '@/lib/session/keep-identity';
import { BlocksLayer } from './blocks-layer';
import { countRender } from './render-count';
import { useBlockLabels } from './use-block-labels';

/** The blocks holding at least one note, in a fixed order; the same array until that changes. */
const selectFilledBlocks = snapshotSelector(
  (snapshot): readonly BlockId[] => [...new Set(snapshot.ordered.map((n) => n.block))].sort(),
  sameList,
);

/** The nine blocks, their titles saying which are locked, their questions while empty. */
export const BoardBlocks = memo(function BoardBlocks() {
  countRender('blocks');
  const { locks } = useWorkshopState();
  const labels = useBlockLabels(locks);
  const filled = useSessionValue(selectFilledBlocks);
  const filledBlocks = useMemo(() => new Set(filled), [filled]);
  return <BlocksLayer labels={labels} filledBlocks={filledBlocks} />;
});
