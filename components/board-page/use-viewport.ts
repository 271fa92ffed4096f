'use client';
import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import { BOARD_RECT, type Size } from '@/lib/model';
import { fitRect, ZOOM_STEP, zoomAt, type Viewport } from '@/lib/view/viewport';

/**
 * The camera over the board: starts fitted to the screen, then follows the user. Every move
 * the person makes (pan, zoom, fit, showing a note) goes through `setViewport` and counts in
 * `userMoves`; `followTo` moves the camera for them (follow me) without counting.
 */
export function useViewport(screen: Size) {
  const [viewport, followTo] = useState<Viewport>({ x: 0, y: 0, scale: 1 });
  const [userMoves, setUserMoves] = useState(0);
  const fitted = useRef(false);

  const setViewport = useCallback((next: SetStateAction<Viewport>) => {
    setUserMoves((count) => count + 1);
    followTo(next);
  }, []);

  const fit = useCallback(() => setViewport(fitRect(BOARD_RECT, screen)), [screen, setViewport]);

  // Fit once, as soon as the stage has a size (not a move of the person's).
  useEffect(() => {
    if (fitted.current || screen.width === 0 || screen.height === 0) return;
    fitted.current = true;
    followTo(fitRect(BOARD_RECT, screen));
  }, [screen]);

  const zoomBy = useCallback(
    (factor: number) => {
      const centre = { x: screen.width / 2, y: screen.height / 2 };
      setViewport((current) => zoomAt(current, centre, factor));
    },
    [screen, setViewport],
  );

  return {
    viewport,
    setViewport,
    followTo,
    userMoves,
    fit,
    zoomIn: useCallback(() => zoomBy(ZOOM_STEP), [zoomBy]),
    zoomOut: useCallback(() => zoomBy(1 / ZOOM_STEP), [zoomBy]),
  };
}
