import type Konva from 'konva';
import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * How far (CSS px) the pointer may travel between press and release for the press to stay a
 * click: the line the selection rectangle draws between a click and a drag (board-canvas).
 */
const CLICK_SLOP_PX = 3;

/**
 * Konva calls two clicks on one shape within `Konva.dblClickWindow` (400 ms) a double-click
 * even when a drag came between them: click a note, drag its corner, click it again quickly,
 * and its editor would open (or a click on the empty board after a selection rectangle would
 * make a note). A true double-click has both of its presses after the last gesture, so the
 * guard counts presses since the last press that moved (a drag, resize, pan, connector or
 * rectangle, whatever started it), and must not refuse a quick double-click after a drag.
 *
 * It listens on the DOM, in the capture phase: a press on a note stops its Konva event before
 * the stage sees it, and a drag may end outside the canvas.
 */
export function useDoubleClickGuard(stageRef: RefObject<Konva.Stage | null>) {
  const pressesSinceGesture = useRef(Number.POSITIVE_INFINITY);
  useEffect(() => {
    const container = stageRef.current?.container();
    if (!container) return;
    let pressedAt: { x: number; y: number } | null = null;
    const onPress = (event: PointerEvent) => {
      pressesSinceGesture.current += 1;
      pressedAt = { x: event.clientX, y: event.clientY };
    };
    const onRelease = (event: PointerEvent) => {
      if (!pressedAt) return;
      const moved = Math.hypot(event.clientX - pressedAt.x, event.clientY - pressedAt.y);
      pressedAt = null;
      if (moved > CLICK_SLOP_PX) pressesSinceGesture.current = 0;
    };
    container.addEventListener('pointerdown', onPress, true);
    window.addEventListener('pointerup', onRelease, true);
    return () => {
      container.removeEventListener('pointerdown', onPress, true);
      window.removeEventListener('pointerup', onRelease, true);
    };
  }, [stageRef]);
  /** True when this double-click's first press came before the last gesture. */
  return useCallback(() => pressesSinceGesture.current < 2, []);
}
