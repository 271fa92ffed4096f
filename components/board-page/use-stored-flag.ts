'use client';
import { useCallback, useEffect, useState } from 'react';
import { browserStorage, readItem, writeItem } from '@/lib/storage';

/** A per-browser on/off preference (e.g. colouring relationships by segment). */
export function useStoredFlag(key: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => setOn(readItem(browserStorage(), key) === '1'), [key]);
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      writeItem(browserStorage(), key, next ? '1' : '0');
    },
    [key],
  );
  return [on, set];
}
