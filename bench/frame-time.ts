import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type * as Y from 'yjs';
import { createNote, linkNotes } from '../lib/doc';
import { BLOCK_RECTS, type BlockId, type NoteId } from '../lib/model';
import { AppServer } from '../e2e/fixtures/app-server';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/fixtures/chromium';
import { connectClient, waitUntil } from './lib/clients';
import { formatCount, formatMs, formatSection, verdict, type SectionResult } from './lib/report';
import { percentile } from './lib/stats';

/**
 * Canvas frame time while a note is dragged, in headless Chromium (the real app, the real
 * server): requestAnimationFrame deltas during a drag of a relationship note whose
 * connectors follow it, on boards of 500 and 2,000 notes, the long tasks (over 50 ms) from
 * press to release, and the time from the page's first byte to the board's first drawn
 * notes. Targets: p95 under 17 ms at 500 notes, under 25 ms at 2,000 (issue 11); longest
 * frame at most 50 ms, no long task, first draw within 1 s (issue 12: no freeze on grab).
 */

export const FRAME_TARGETS_MS: Record<number, number> = { 500: 17, 2000: 25 };
/** A frame this long is a visible stutter: three missed frames at 60 Hz. */
export const LONGEST_FRAME_TARGET_MS = 50;
/** No task of the drag may block the page for longer than 50 ms (the browser's long task). */
export const LONG_TASKS_TARGET = 0;
/** From the first byte of the page to the board drawn with its notes. */
export const FIRST_DRAW_TARGET_MS = 1_000;
/** A quarter of the notes are relationships, each linked to one channel and one segment. */
const RELATIONSHIP_SHARE = 0.25;
const LINKED_BLOCK_SHARE = 0.05;
/** The drag: this many pointer moves, one per frame at 60 Hz, as a hand drags for ~1.5 s. */
const DRAG_STEPS = 90;
const STEP_INTERVAL_MS = 16;
const LOAD_TIMEOUT_MS = 120_000;
/**
 * BENCH_TRACE=<dir>: also writes a Chromium performance trace (devtools.timeline) of each
 * board's load and drag to <dir>/frames-<notes>.json, to open in DevTools' Performance panel.
 */
const TRACE_DIR = process.env.BENCH_TRACE;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'cc', // the compositor's commit
  'blink', // each canvas's resource (ProduceCanvasResource)
];

export interface FrameResult {
  notes: number;
  connectors: number;
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetMs: number;
  /** Long tasks (over 50 ms) that started between the press and the release. */
  longTasks: number;
  /** Longest of those tasks, 0 when none. */
  longestTaskMs: number;
  /** From the page's first byte (navigation responseStart) to the first drawn notes. */
  firstDrawMs: number;
}

/** A spot in a block for the n-th of `count` notes, spread over a grid (overlaps are fine). */
function spot(block: BlockId, n: number, count: number) {
  const rect = BLOCK_RECTS[block];
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  const col = n % columns;
  const row = Math.floor(n / columns) % columns;
  return {
    x: rect.x + ((rect.width - 160) * col) / Math.max(1, columns - 1),
    y: rect.y + 40 + ((rect.height - 150) * row) / Math.max(1, columns - 1),
  };
}

const OTHER_BLOCKS: BlockId[] = [
  'keyPartners',
  'keyActivities',
  'keyResources',
  'valuePropositions',
  'costStructure',
  'revenueStreams',
];

/**
 * Notes (or links) written per transaction while seeding. One update per note sent 3,000
 * messages for a 2,000-note board, over the server's burst of 2,000 a connection
 * (server/limits/connection-quota.ts): the seeding client was closed with 4429 part-way and
 * the board showed 112-233 of its 1,000 connectors. Batches keep it a few dozen messages.
 */
const SEED_BATCH = 100;

/** Runs `write(n)` for n in [0, count), SEED_BATCH of them per transaction. */
function inBatches<T>(doc: Y.Doc, count: number, write: (n: number) => T): T[] {
  const out: T[] = [];
  for (let start = 0; start < count; start += SEED_BATCH)
    doc.transact(() => {
      for (let n = start; n < Math.min(count, start + SEED_BATCH); n++) out.push(write(n));
    });
  return out;
}

/** Seeds a board as people fill it, notes first and links after, in batches (SEED_BATCH). */
function seedBoard(doc: Y.Doc, total: number): { dragged: NoteId; connectors: number } {
  const relationships = Math.round(total * RELATIONSHIP_SHARE);
  const linked = Math.max(1, Math.round(total * LINKED_BLOCK_SHARE));
  const make = (block: BlockId, n: number, count: number) =>
    createNote(doc, { ...spot(block, n, count), author: 'bench', text: `${block} ${n}` });
  const channels = inBatches(doc, linked, (n) => make('channels', n, linked));
  const segments = inBatches(doc, linked, (n) => make('customerSegments', n, linked));
  const relations = inBatches(doc, relationships, (n) =>
    make('customerRelationships', n, relationships),
  );
  const others = total - relationships - 2 * linked;
  inBatches(doc, others, (n) => make(OTHER_BLOCKS[n % OTHER_BLOCKS.length]!, n, others));
  inBatches(doc, relationships, (n) => {
    linkNotes(doc, relations[n]!, channels[n % linked]!);
    linkNotes(doc, relations[n]!, segments[n % linked]!);
  });
  return { dragged: relations[0]!, connectors: 2 * relationships };
}

/**
 * Records every requestAnimationFrame delta until __recording is cleared. A string, not a
 * function: tsx compiles named functions with a helper that does not exist in the page.
 */
const START_RECORDING = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
})()`;

/** Lets the last long-task entries reach the observer (they are delivered asynchronously). */
const OBSERVER_SETTLE_MS = 200;

interface DragFigures {
  deltas: number[];
  longTasks: { start: number; duration: number }[];
}

async function measureDrag(page: Page, noteId: NoteId): Promise<DragFigures> {
  const note = await page.evaluate(
    (id) => window.__lienzo!.notes().find((n) => n.id === id)!,
    noteId,
  );
  const at = await page.evaluate(
    (n) => window.__lienzo!.toClient({ x: n.x + n.width / 2, y: n.y + n.height / 2 }),
    note,
  );
  await page.evaluate(START_RECORDING);
  await page.mouse.move(at.x, at.y);
  const pressAt = await page.evaluate(() => performance.now());
  await page.mouse.down();
  for (let step = 1; step <= DRAG_STEPS; step++) {
    await page.mouse.move(at.x + step * 2, at.y + Math.sin(step / 10) * 40);
    await page.waitForTimeout(STEP_INTERVAL_MS);
  }
  await page.mouse.up();
  const releaseAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(OBSERVER_SETTLE_MS);
  return page.evaluate(
    ({ pressAt, releaseAt }) => {
      const w = window as unknown as {
        __frames: number[];
        __recording: boolean;
        __longTasks: { start: number; duration: number }[];
      };
      w.__recording = false;
      return {
        deltas: w.__frames.slice(1), // the first delta spans the set-up, not a frame
        longTasks: w.__longTasks.filter((t) => t.start >= pressAt && t.start <= releaseAt),
      };
    },
    { pressAt, releaseAt },
  );
}

/** The page's first byte to the notes layer's first draw, on the page's own clock. */
function firstDrawMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const drawnAt = window.__lienzo!.firstDrawAt();
    return drawnAt === null || !navigation ? Number.NaN : drawnAt - navigation.responseStart;
  });
}

/** Every target of one board size is met (the p95 of issue 11, the freeze of issue 12). */
function frameChecks(r: FrameResult) {
  const size = `${formatCount(r.notes)} notes`;
  return [
    {
      what: `p95 frame while dragging, ${size}`,
      measured: formatMs(r.p95Ms),
      target: `< ${r.targetMs} ms`,
      pass: r.p95Ms < r.targetMs,
    },
    {
      what: `longest frame while dragging, ${size}`,
      measured: formatMs(r.maxMs),
      target: `<= ${LONGEST_FRAME_TARGET_MS} ms`,
      pass: r.maxMs <= LONGEST_FRAME_TARGET_MS,
    },
    {
      what: `long tasks from press to release, ${size}`,
      measured: String(r.longTasks),
      target: `<= ${LONG_TASKS_TARGET}`,
      pass: r.longTasks <= LONG_TASKS_TARGET,
    },
    {
      what: `first byte to first drawn board, ${size}`,
      measured: formatMs(r.firstDrawMs),
      target: `<= ${FIRST_DRAW_TARGET_MS} ms`,
      pass: r.firstDrawMs <= FIRST_DRAW_TARGET_MS,
    },
  ];
}

function ensureBuild(): void {
  if (existsSync('.next/BUILD_ID')) return;
  const built = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('next build failed');
}

export async function benchFrameTime(
  sizes: readonly number[] = [500, 2000],
): Promise<FrameResult[]> {
  ensureBuild();
  const server = new AppServer();
  await server.start();
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const results: FrameResult[] = [];
  try {
    for (const total of sizes) {
      const { id, links } = await server.createBoard(`Frames ${total}`);
      // The seeding client joins with the editor link's token, as a browser would.
      const token = new URL(links.editor).searchParams.get('t') ?? '';
      const client = connectClient(
        { syncUrl: `ws://127.0.0.1:${server.port}/sync`, protocol: 'y-websocket' },
        { id, params: { t: token } },
        { presence: false },
      );
      try {
        await waitUntil(() => client.synced, 'seeding client synced', LOAD_TIMEOUT_MS);
        const seeded = seedBoard(client.doc, total);
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript(() => {
          window.localStorage.setItem('lienzo:test-hooks', '1');
          window.localStorage.setItem('lienzo.displayName', 'Bench');
        });
        const page = await context.newPage();
        if (TRACE_DIR)
          await browser.startTracing(page, {
            path: `${TRACE_DIR}/frames-${total}.json`,
            categories: TRACE_CATEGORIES,
          });
        await page.goto(links.editor);
        // Every note and every connector: the board as seeded, not part of it.
        await page.waitForFunction(
          ({ notes, connectors }) =>
            window.__lienzo?.notes().length === notes &&
            window.__lienzo.drawnConnectors() === connectors,
          { notes: total, connectors: seeded.connectors },
          { timeout: LOAD_TIMEOUT_MS },
        );
        await page.waitForTimeout(500); // let the first paint and the fonts settle
        const connectors = await page.evaluate(() => window.__lienzo!.drawnConnectors());
        const firstDraw = await firstDrawMs(page);
        const { deltas, longTasks } = await measureDrag(page, seeded.dragged);
        if (TRACE_DIR) await browser.stopTracing();
        results.push({
          notes: total,
          connectors,
          frames: deltas.length,
          p50Ms: percentile(deltas, 50),
          p95Ms: percentile(deltas, 95),
          maxMs: Math.max(...deltas),
          targetMs: FRAME_TARGETS_MS[total] ?? 25,
          longTasks: longTasks.length,
          longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
          firstDrawMs: firstDraw,
        });
        await context.close();
      } finally {
        client.destroy();
      }
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
  return results;
}

/** The section of `npm run bench`. */
export async function runFrameTime(): Promise<SectionResult> {
  const results = await benchFrameTime();
  return {
    id: 'frameTime',
    title: '6. Canvas frame time while dragging a relationship note (headless Chromium)',
    headers: [
      'notes',
      'connectors',
      'frames',
      'p50',
      'p95',
      'max',
      'long tasks',
      'longest task',
      'first draw',
      'result',
    ],
    rows: results.map((r) => [
      formatCount(r.notes),
      formatCount(r.connectors),
      String(r.frames),
      formatMs(r.p50Ms),
      formatMs(r.p95Ms),
      formatMs(r.maxMs),
      String(r.longTasks),
      formatMs(r.longestTaskMs),
      formatMs(r.firstDrawMs),
      verdict(frameChecks(r).every((check) => check.pass)),
    ]),
    notes: [
      'requestAnimationFrame deltas during a drag of 90 pointer moves (one per 16 ms) in the production',
      `build, served by our server; a quarter of the notes are relationships linked to a channel and a segment.`,
      'Headless Chromium paces frames at 60 Hz (16.7 ms), so a p95 at that value means no frame was missed.',
      `Targets: p95 < ${Object.entries(FRAME_TARGETS_MS)
        .map(([n, ms]) => `${ms} ms at ${formatCount(Number(n))}`)
        .join(
          ', ',
        )}; max <= ${LONGEST_FRAME_TARGET_MS} ms; long tasks (PerformanceObserver 'longtask',`,
      `over 50 ms, started from press to release) <= ${LONG_TASKS_TARGET}; first draw (navigation responseStart`,
      `to the notes layer's first draw with notes) <= ${FIRST_DRAW_TARGET_MS} ms.`,
    ],
    checks: results.flatMap((r) =>
      frameChecks(r).map((check) => ({ section: '6. frame time', ...check })),
    ),
    data: results,
  };
}

// `npx tsx bench/frame-time.ts` runs this part alone.
if (process.argv[1]?.endsWith('frame-time.ts')) {
  runFrameTime()
    .then((section) => console.log(formatSection(section)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
