import Konva from 'konva';
import { useCallback, useRef } from 'react';

/**
 * Konva calls two clicks on one shape within `Konva.dblClickWindow` (400 ms) a double-click
 * even when a drag or a resize came between them: click a note, drag its corner, click it
 * again quickly, and its editor would open (or a click on the empty board after a selection
 * rectangle would make a note). A double-click is two clicks with nothing in between, so one
 * that comes within that window of the end of a drag, resize, pan or rectangle is ignored.
 */
export function useDoubleClickGuard() {
  const gestureEndedAt = useRef(Number.NEGATIVE_INFINITY);
  /** Call when a drag, resize, pan or selection rectangle ends. */
  const gestureEnded = useCallback(() => {
    gestureEndedAt.current = performance.now();
  }, []);
  /** True when this double-click's first click may have come before the last gesture. */
  const spansGesture = useCallback(
    () => performance.now() - gestureEndedAt.current < Konva.dblClickWindow,
    [],
  );
  return { gestureEnded, spansGesture };
}
