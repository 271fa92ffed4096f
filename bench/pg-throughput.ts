/**
 * Scale-out section C (issue 10, part 7): how many updates a second one board's log sustains
 * on PostgreSQL, with the engine's group commit on and off (PostgresStoreOptions.groupCommit,
 * off only here).
 *
 * Measured on the store itself (server/store/postgres/postgres-store.ts, the engine a
 * cluster's rooms write through), not through sockets: a process's sockets and relay would
 * cap the rate long before its store does on this 2-core machine, and the figure asked is
 * the store's. WRITERS writers append to the same board at once, each its next note-move
 * update (real ones, from a seeded doc) as soon as its previous append resolved (durable):
 * a closed loop, as many people dragging on one board whose updates each wait for their
 * commit. Modes run A B B A on fresh boards of one database; the rates are pooled.
 */
import * as Y from 'yjs';
import { initBoardDoc } from '../lib/doc';
import { newBoardId, type BoardId } from '../lib/model';
import { issueTokens } from '../server/auth/tokens';
import type { Logger } from '../server/log';
import { PostgresStore } from '../server/store/postgres/postgres-store';
import { dragNote, noteIds, seedNotes } from './lib/board';
import type { Cleanup } from './lib/cleanup';
import { startDatabase } from './lib/engines';
import { sized } from './lib/mode';
import { roundOrder } from './lib/moves';
import { formatCount, formatMs, type SectionResult } from './lib/report';
import { summarize, type Summary } from './lib/stats';

type Mode = 'on' | 'off';
const MODES: readonly Mode[] = ['on', 'off'];

/**
 * Writers appending to the one board at once: a busy workshop board (a few dozen people);
 * with group commit a transaction then carries up to this many updates.
 */
const WRITERS = 32;
/** Measured time per round (ms), after the warm-up; two rounds per mode. */
const ROUND_MS = sized(10_000, 500);
/** Appends before measuring in each round (pool connections opened, statements planned). */
const WARMUP_MS = sized(1_000, 200);
/** Notes on the board the updates move; its snapshot is the board's stored start. */
const NOTES = 100;
/** Distinct move updates prepared; writers cycle through them. */
const PREPARED_UPDATES = 2_000;

/** The store's problems are printed (a failed append also fails the round); its info is not. */
const logger: Logger = {
  info: () => {},
  warn: (message, ...details) => console.warn(`[pg-throughput] ${message}`, ...details),
  error: (message, ...details) => console.error(`[pg-throughput] ${message}`, ...details),
};

export interface ThroughputResult {
  mode: Mode;
  appends: number;
  seconds: number;
  updatesPerSecond: number;
  /** How long one append took to resolve (durable), all rounds pooled. */
  appendMs: Summary;
}

/** A seeded board's snapshot, and note-move updates on it as a client would send them. */
function prepareBoard(): { snapshot: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'throughput', createdAt: Date.now() });
  seedNotes(doc, NOTES);
  const snapshot = Y.encodeStateAsUpdateV2(doc);
  const ids = noteIds(doc).sort();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let k = 0; updates.length < PREPARED_UPDATES; k++) dragNote(doc, ids[k % ids.length]!);
  doc.destroy();
  return { snapshot, updates };
}

async function round(
  url: string,
  mode: Mode,
  board: { snapshot: Uint8Array; updates: Uint8Array[] },
) {
  const store = await PostgresStore.open(url, { logger, groupCommit: mode === 'on' });
  try {
    const id: BoardId = newBoardId();
    await store.createBoard(
      id,
      { createdAt: Date.now(), docSchema: null },
      { format: 'v2', data: board.snapshot },
      issueTokens().stored,
    );
    let next = 0;
    const durations: number[] = [];
    let appends = 0;
    const warmEnd = performance.now() + WARMUP_MS;
    const end = warmEnd + ROUND_MS;
    const writer = async () => {
      for (let now = performance.now(); now < end; now = performance.now()) {
        const update = board.updates[next++ % board.updates.length]!;
        await store.appendUpdates({ board: id }, [update]);
        const done = performance.now();
        // Counted when it started in the window and resolved before its end.
        if (now >= warmEnd && done <= end) {
          appends++;
          durations.push(done - now);
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    return { appends, durations };
  } finally {
    await store.close();
  }
}

export async function runPgThroughput(cleanup: Cleanup): Promise<SectionResult> {
  const database = await startDatabase(cleanup);
  try {
    const board = prepareBoard();
    const rounds = new Map<Mode, { appends: number; durations: number[] }[]>(
      MODES.map((mode) => [mode, []]),
    );
    for (const mode of roundOrder(MODES, 2, 0))
      rounds.get(mode)!.push(await round(database.url, mode, board));
    const results: ThroughputResult[] = MODES.map((mode) => {
      const done = rounds.get(mode)!;
      const appends = done.reduce((sum, r) => sum + r.appends, 0);
      const seconds = (done.length * ROUND_MS) / 1000;
      return {
        mode,
        appends,
        seconds,
        updatesPerSecond: appends / seconds,
        appendMs: summarize(done.flatMap((r) => r.durations)),
      };
    });
    return report(results);
  } finally {
    await database.stop();
  }
}

function report(results: ThroughputResult[]): SectionResult {
  const [on, off] = results as [ThroughputResult, ThroughputResult];
  return {
    id: 'pgThroughput',
    title: `C. Updates per second one board sustains on PostgreSQL, ${WRITERS} writers (group commit on / off)`,
    headers: ['group commit', 'appends', 'seconds', 'updates/s', 'append p50', 'append p99'],
    rows: results.map((result) => [
      result.mode,
      formatCount(result.appends),
      result.seconds.toFixed(1),
      formatCount(Math.round(result.updatesPerSecond)),
      formatMs(result.appendMs.p50),
      formatMs(result.appendMs.p99),
    ]),
    notes: [
      `Group commit gives ${(on.updatesPerSecond / off.updatesPerSecond).toFixed(2)}x the updates a second.`,
      `The store alone (PostgresStore, groupCommit on/off), one board, ${WRITERS} writers each appending its next`,
      `note-move update once its previous one is durable; ${NOTES}-note board, ${WARMUP_MS} ms warm-up, rounds A B B A.`,
      'PostgreSQL 15 from the engine harness: loopback, data in the temp folder, fsync on.',
    ],
    checks: [],
    data: results,
  };
}
