import { describe, expect, it } from 'vitest';
import {
  boardToScreen,
  centerOn,
  fitRect,
  followViewport,
  MAX_ZOOM,
  MIN_ZOOM,
  pinchOf,
  pinchStep,
  screenToBoard,
  visibleBoardRect,
  zoomAt,
} from './viewport';

describe('viewport', () => {
  it('maps board points to the screen and back', () => {
    const view = { x: 40, y: -20, scale: 1.5 };
    const p = { x: 123, y: 456 };
    const back = screenToBoard(view, boardToScreen(view, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
  });

  it('keeps the anchor point still while zooming', () => {
    const view = { x: 10, y: 10, scale: 1 };
    const anchor = { x: 300, y: 200 };
    const before = screenToBoard(view, anchor);
    const zoomed = zoomAt(view, anchor, 2);
    expect(zoomed.scale).toBe(2);
    const after = screenToBoard(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1000).scale).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 0.0001).scale).toBe(MIN_ZOOM);
  });

  it('fits a rectangle centred with padding', () => {
    const view = fitRect(
      { x: 0, y: 0, width: 2000, height: 1000 },
      { width: 1064, height: 1064 },
      32,
    );
    expect(view.scale).toBeCloseTo(0.5);
    const topLeft = boardToScreen(view, { x: 0, y: 0 });
    const bottomRight = boardToScreen(view, { x: 2000, y: 1000 });
    expect(topLeft.x).toBeCloseTo(32);
    expect(bottomRight.x).toBeCloseTo(1032);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(532);
  });
});

describe('centerOn', () => {
  it('puts the centre of a rectangle in the middle of the screen, keeping the zoom', () => {
    const view = centerOn(
      { x: 5, y: 5, scale: 2 },
      { x: 100, y: 50, width: 20, height: 10 },
      { width: 800, height: 600 },
    );
    expect(view.scale).toBe(2);
    expect(boardToScreen(view, { x: 110, y: 55 })).toEqual({ x: 400, y: 300 });
  });
});

describe('pinch', () => {
  it('zooms by the spread of the fingers around their midpoint', () => {
    const view = { x: 0, y: 0, scale: 1 };
    const from = pinchOf({ x: 100, y: 100 }, { x: 200, y: 100 });
    const to = pinchOf({ x: 50, y: 100 }, { x: 250, y: 100 });
    const next = pinchStep(view, from, to);
    expect(next.scale).toBeCloseTo(2);
    // The board point under the fingers' midpoint stays under it.
    expect(screenToBoard(next, { x: 150, y: 100 })).toEqual(
      screenToBoard(view, { x: 150, y: 100 }),
    );
  });

  it('pans when both fingers move together', () => {
    const view = { x: 10, y: 10, scale: 1.5 };
    const from = pinchOf({ x: 100, y: 100 }, { x: 200, y: 100 });
    const to = pinchOf({ x: 130, y: 80 }, { x: 230, y: 80 });
    expect(pinchStep(view, from, to)).toEqual({ x: 40, y: -10, scale: 1.5 });
  });
});

describe('visibleBoardRect and followViewport', () => {
  const screen = { width: 1000, height: 600 };

  it('gives the board rect a viewport shows', () => {
    expect(visibleBoardRect({ x: -200, y: -100, scale: 2 }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 500,
      height: 300,
    });
  });

  it('reproduces the leader’s viewport on a screen of the same size', () => {
    const leader = { x: -340, y: 25, scale: 1.5 };
    const follower = followViewport(visibleBoardRect(leader, screen), screen);
    expect(follower.scale).toBeCloseTo(leader.scale);
    expect(follower.x).toBeCloseTo(leader.x);
    expect(follower.y).toBeCloseTo(leader.y);
  });

  it('shows all of the leader’s view, centred, on a narrower screen', () => {
    const view = { x: 100, y: 50, width: 500, height: 300 };
    const follower = followViewport(view, { width: 500, height: 600 });
    expect(follower.scale).toBeCloseTo(1);
    expect(visibleBoardRect(follower, { width: 500, height: 600 })).toMatchObject({
      x: 100,
      width: 500,
    });
  });
});
