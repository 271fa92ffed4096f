'use client';
import { useEffect, useState } from 'react';

/**
 * Date.now(), refreshed every `everyMs` while `ticking` (a running countdown); frozen
 * otherwise, so an idle timer costs no renders.
 */
export function useNow(ticking: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}
