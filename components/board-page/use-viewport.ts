'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BOARD_RECT, type Size } from '@/lib/model';
import { fitRect, ZOOM_STEP, zoomAt, type Viewport } from '@/lib/view/viewport';

/** The camera over the board: starts fitted to the screen, then follows the user. */
export function useViewport(screen: Size) {
  const [viewport, setViewport] = useState<Viewport>({ x: 0, y: 0, scale: 1 });
  const fitted = useRef(false);

  const fit = useCallback(() => setViewport(fitRect(BOARD_RECT, screen)), [screen]);

  // Fit once, as soon as the stage has a size.
  useEffect(() => {
    if (fitted.current || screen.width === 0 || screen.height === 0) return;
    fitted.current = true;
    fit();
  }, [screen, fit]);

  const zoomBy = useCallback(
    (factor: number) => {
      const centre = { x: screen.width / 2, y: screen.height / 2 };
      setViewport((current) => zoomAt(current, centre, factor));
    },
    [screen],
  );

  return {
    viewport,
    setViewport,
    fit,
    zoomIn: useCallback(() => zoomBy(ZOOM_STEP), [zoomBy]),
    zoomOut: useCallback(() => zoomBy(1 / ZOOM_STEP), [zoomBy]),
  };
}
