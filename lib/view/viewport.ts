import type { Point, Rect, Size } from '../model';
import { clamp } from '../model';

/**
 * The camera over the board: the screen position of the board's origin and the zoom. Pure
 * math, shared by the Konva stage, the DOM overlays (text editor, cursors) and the tests.
 */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** One press of + or -: five presses double or halve the zoom. */
export const ZOOM_STEP = 2 ** (1 / 5);
/** Margin kept around the canvas by "fit to screen", in screen pixels. */
export const FIT_PADDING_PX = 32;

export function boardToScreen(view: Viewport, p: Point): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

export function screenToBoard(view: Viewport, p: Point): Point {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

export function rectToScreen(view: Viewport, r: Rect): Rect {
  const { x, y } = boardToScreen(view, r);
  return { x, y, width: r.width * view.scale, height: r.height * view.scale };
}

/** Zooms by `factor` keeping the board point under `anchor` (screen) where it is. */
export function zoomAt(view: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clamp(view.scale * factor, MIN_ZOOM, MAX_ZOOM);
  const boardPoint = screenToBoard(view, anchor);
  return { scale, x: anchor.x - boardPoint.x * scale, y: anchor.y - boardPoint.y * scale };
}

/** The viewport showing the whole of `rect` centred in a screen of `screen` size. */
export function fitRect(rect: Rect, screen: Size, padding = FIT_PADDING_PX): Viewport {
  const available = {
    width: Math.max(1, screen.width - 2 * padding),
    height: Math.max(1, screen.height - 2 * padding),
  };
  const scale = clamp(
    Math.min(available.width / rect.width, available.height / rect.height),
    MIN_ZOOM,
    MAX_ZOOM,
  );
  return {
    scale,
    x: (screen.width - rect.width * scale) / 2 - rect.x * scale,
    y: (screen.height - rect.height * scale) / 2 - rect.y * scale,
  };
}

/** The viewport moved (zoom kept) so that `rect` is centred on a screen of `screen` size. */
export function centerOn(view: Viewport, rect: Rect, screen: Size): Viewport {
  return {
    ...view,
    x: screen.width / 2 - (rect.x + rect.width / 2) * view.scale,
    y: screen.height / 2 - (rect.y + rect.height / 2) * view.scale,
  };
}

/** Two fingers on a touch screen, in screen pixels: their distance and their midpoint. */
export interface Pinch {
  distance: number;
  center: Point;
}

export function pinchOf(a: Point, b: Point): Pinch {
  return {
    distance: Math.hypot(a.x - b.x, a.y - b.y),
    center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
  };
}

/**
 * One step of a two-finger gesture: zoom by how much the fingers spread, around where they
 * were, then pan by how far their midpoint moved (so pinch and two-finger pan are one gesture).
 */
export function pinchStep(view: Viewport, from: Pinch, to: Pinch): Viewport {
  if (from.distance <= 0) return view;
  const zoomed = zoomAt(view, from.center, to.distance / from.distance);
  return panBy(zoomed, { x: to.center.x - from.center.x, y: to.center.y - from.center.y });
}

export function panBy(view: Viewport, delta: Point): Viewport {
  return { ...view, x: view.x + delta.x, y: view.y + delta.y };
}

/** The part of the board a screen of `screen` size shows through `view`, in board units. */
export function visibleBoardRect(view: Viewport, screen: Size): Rect {
  const corner = screenToBoard(view, { x: 0, y: 0 });
  return { ...corner, width: screen.width / view.scale, height: screen.height / view.scale };
}

/**
 * Follow me: the viewport showing what a leader sees (`leaderView`, their visible board rect)
 * on this screen, centred and as large as fits; the same viewport on a same-sized screen.
 */
export function followViewport(leaderView: Rect, screen: Size): Viewport {
  return fitRect(leaderView, screen, 0);
}
