import type { BlockId } from './blocks';
import { rectCenter, rectContains, type Point, type Rect } from './geometry';

/**
 * The canvas in board units: five columns over a bottom band, the classic proportions.
 * Positions stored in documents are relative to this frame, so changing these numbers is a
 * schema change (it would move every note): bump SCHEMA_VERSION with a migration if you do.
 */
export const BOARD_WIDTH = 2000;
export const BOARD_HEIGHT = 1300;
const COLUMN_WIDTH = BOARD_WIDTH / 5; // 400: five equal columns on top
const TOP_BAND_HEIGHT = 900; // the bottom band (costs, revenues) takes the remaining 400
const HALF_TOP = TOP_BAND_HEIGHT / 2;
const BOTTOM_HEIGHT = BOARD_HEIGHT - TOP_BAND_HEIGHT;

export const BLOCK_RECTS: Readonly<Record<BlockId, Rect>> = {
  keyPartners: { x: 0, y: 0, width: COLUMN_WIDTH, height: TOP_BAND_HEIGHT },
  keyActivities: { x: COLUMN_WIDTH, y: 0, width: COLUMN_WIDTH, height: HALF_TOP },
  keyResources: { x: COLUMN_WIDTH, y: HALF_TOP, width: COLUMN_WIDTH, height: HALF_TOP },
  valuePropositions: { x: 2 * COLUMN_WIDTH, y: 0, width: COLUMN_WIDTH, height: TOP_BAND_HEIGHT },
  customerRelationships: { x: 3 * COLUMN_WIDTH, y: 0, width: COLUMN_WIDTH, height: HALF_TOP },
  channels: { x: 3 * COLUMN_WIDTH, y: HALF_TOP, width: COLUMN_WIDTH, height: HALF_TOP },
  customerSegments: { x: 4 * COLUMN_WIDTH, y: 0, width: COLUMN_WIDTH, height: TOP_BAND_HEIGHT },
  costStructure: { x: 0, y: TOP_BAND_HEIGHT, width: BOARD_WIDTH / 2, height: BOTTOM_HEIGHT },
  revenueStreams: {
    x: BOARD_WIDTH / 2,
    y: TOP_BAND_HEIGHT,
    width: BOARD_WIDTH / 2,
    height: BOTTOM_HEIGHT,
  },
};

export const BOARD_RECT: Rect = { x: 0, y: 0, width: BOARD_WIDTH, height: BOARD_HEIGHT };

/** The block under a point, or null outside the canvas. */
export function blockAt(point: Point): BlockId | null {
  for (const [id, rect] of Object.entries(BLOCK_RECTS) as [BlockId, Rect][]) {
    if (rectContains(rect, point)) return id;
  }
  return null;
}

/** The block a note belongs to: the one under its centre. */
export function blockOfRect(rect: Rect): BlockId | null {
  return blockAt(rectCenter(rect));
}
