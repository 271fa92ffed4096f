import { describe, expect, it } from 'vitest';
import { BLOCK_IDS, type BlockId } from './blocks';
import { rectCenter, rectContains, rectsIntersect, type Point } from './geometry';
import { BLOCK_RECTS, BOARD_HEIGHT, BOARD_RECT, BOARD_WIDTH, blockAt, blockOfRect } from './layout';

const EPSILON = 0.001;

describe('blockAt', () => {
  it.each(BLOCK_IDS)('finds %s at its centre and at its top-left corner', (id) => {
    const rect = BLOCK_RECTS[id];
    expect(blockAt(rectCenter(rect))).toBe(id);
    expect(blockAt({ x: rect.x, y: rect.y })).toBe(id);
    expect(blockAt({ x: rect.x + rect.width - EPSILON, y: rect.y + rect.height - EPSILON })).toBe(
      id,
    );
  });

  it.each<[string, Point, BlockId]>([
    ['top-left corner', { x: 0, y: 0 }, 'keyPartners'],
    ['top-right corner', { x: BOARD_WIDTH - EPSILON, y: 0 }, 'customerSegments'],
    ['bottom-left corner', { x: 0, y: BOARD_HEIGHT - EPSILON }, 'costStructure'],
    [
      'bottom-right corner',
      { x: BOARD_WIDTH - EPSILON, y: BOARD_HEIGHT - EPSILON },
      'revenueStreams',
    ],
    ['the activities/resources edge', { x: 500, y: 450 }, 'keyResources'],
    ['just above that edge', { x: 500, y: 450 - EPSILON }, 'keyActivities'],
    ['the relationships/channels edge', { x: 1300, y: 450 }, 'channels'],
    ['the partners/activities edge', { x: 400, y: 10 }, 'keyActivities'],
    ['the top band/bottom band edge', { x: 10, y: 900 }, 'costStructure'],
    ['the costs/revenues edge', { x: 1000, y: 1000 }, 'revenueStreams'],
    ['just left of that edge', { x: 1000 - EPSILON, y: 1000 }, 'costStructure'],
  ])('finds the block at %s', (_label, point, expected) => {
    expect(blockAt(point)).toBe(expected);
  });

  it.each<[string, Point]>([
    ['left of the canvas', { x: -EPSILON, y: 100 }],
    ['above the canvas', { x: 100, y: -1 }],
    ['on the right edge', { x: BOARD_WIDTH, y: 100 }],
    ['on the bottom edge', { x: 100, y: BOARD_HEIGHT }],
    ['far away', { x: 1e9, y: -1e9 }],
    ['NaN', { x: Number.NaN, y: 10 }],
  ])('returns null %s', (_label, point) => {
    expect(blockAt(point)).toBeNull();
  });
});

describe('the block layout', () => {
  const rects = BLOCK_IDS.map((id) => BLOCK_RECTS[id]);

  it('has one rectangle per block, inside the board', () => {
    expect(Object.keys(BLOCK_RECTS).sort()).toEqual([...BLOCK_IDS].sort());
    for (const rect of rects) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(BOARD_WIDTH);
      expect(rect.y + rect.height).toBeLessThanOrEqual(BOARD_HEIGHT);
    }
    expect(BOARD_RECT).toEqual({ x: 0, y: 0, width: BOARD_WIDTH, height: BOARD_HEIGHT });
  });

  it('tiles the board: areas sum to the board area and no two blocks overlap', () => {
    const area = rects.reduce((sum, r) => sum + r.width * r.height, 0);
    expect(area).toBe(BOARD_WIDTH * BOARD_HEIGHT);
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) expect(rectsIntersect(a, b)).toBe(false);
    }
  });

  it('puts every sampled point of the board in exactly one block', () => {
    const STEP = 23; // not a divisor of any block edge, so samples fall on and between edges
    for (let x = 0; x < BOARD_WIDTH; x += STEP) {
      for (let y = 0; y < BOARD_HEIGHT; y += STEP) {
        const holders = BLOCK_IDS.filter((id) => rectContains(BLOCK_RECTS[id], { x, y }));
        expect(holders).toHaveLength(1);
        expect(blockAt({ x, y })).toBe(holders[0]);
      }
    }
  });

  it('follows the classic layout: right side relationships over channels', () => {
    const rel = BLOCK_RECTS.customerRelationships;
    const channels = BLOCK_RECTS.channels;
    expect(rel.x).toBe(channels.x);
    expect(rel.y + rel.height).toBe(channels.y);
    expect(BLOCK_RECTS.customerSegments.x).toBeGreaterThan(rel.x);
    expect(BLOCK_RECTS.valuePropositions.x).toBeLessThan(rel.x);
  });
});

describe('blockOfRect', () => {
  it('is the block under the centre, not under the top-left corner', () => {
    // Top-left in key partners, centre (430, 55) in key activities.
    expect(blockOfRect({ x: 350, y: 0, width: 160, height: 110 })).toBe('keyActivities');
  });

  it('is null when the centre is off the canvas', () => {
    expect(blockOfRect({ x: BOARD_WIDTH - 10, y: 0, width: 100, height: 100 })).toBeNull();
  });
});
