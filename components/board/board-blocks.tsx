'use client';
import { memo, useMemo } from 'react';
import { useFilledBlocks, useWorkshopState } from '@/lib/react/use-session';
import { BlocksLayer } from './blocks-layer';
import { countRender } from './render-count';
import { useBlockLabels } from './use-block-labels';

/** The nine blocks, their titles saying which are locked, their questions while empty. */
export const BoardBlocks = memo(function BoardBlocks() {
  countRender('blocks');
  const { locks } = useWorkshopState();
  const labels = useBlockLabels(locks);
  const filled = useFilledBlocks();
  const filledBlocks = useMemo(() => new Set(filled), [filled]);
  return <BlocksLayer labels={labels} filledBlocks={filledBlocks} />;
});
