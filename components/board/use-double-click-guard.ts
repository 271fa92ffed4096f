import type Konva from 'konva';
import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * Konva calls two clicks on one shape within `Konva.dblClickWindow` (400 ms) a double-click
 * even when a drag or a resize came between them: click a note, drag its corner, click it
 * again quickly, and its editor would open (or a click on the empty board after a selection
 * rectangle would make a note). A true double-click has both of its presses after the last
 * gesture ended, so the guard counts presses on the stage since then; it must not refuse a
 * quick double-click that follows a drag.
 */
export function useDoubleClickGuard(stageRef: RefObject<Konva.Stage | null>) {
  const pressesSinceGesture = useRef(Number.POSITIVE_INFINITY);
  useEffect(() => {
    const container = stageRef.current?.container();
    if (!container) return;
    // Capture on the DOM: a press on a note stops its Konva event before the stage sees it.
    const onPress = () => {
      pressesSinceGesture.current += 1;
    };
    container.addEventListener('pointerdown', onPress, true);
    return () => container.removeEventListener('pointerdown', onPress, true);
  }, [stageRef]);
  /** Call when a drag, resize, pan or selection rectangle ends. */
  const gestureEnded = useCallback(() => {
    pressesSinceGesture.current = 0;
  }, []);
  /** True when this double-click's first press came before the last gesture ended. */
  const spansGesture = useCallback(() => pressesSinceGesture.current < 2, []);
  return { gestureEnded, spansGesture };
}
