'use client';
import { useEffect, useState } from 'react';
import { measureServerOffset } from '../sync/server-clock';

/**
 * Milliseconds to add to Date.now() to get the server's time, measured once per page (0 until
 * then, and when the server cannot be asked). The shared timer counts to an instant on the
 * server's clock, so every participant's countdown reaches zero together.
 */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    void measureServerOffset().then((measured) => live && setOffset(measured));
    return () => {
      live = false;
    };
  }, []);
  return offset;
}
