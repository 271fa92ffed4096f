/**
 * Section 3: how long our server takes to load a 10,000-note board from its store.
 *
 * The board is written the way the server writes it: created as POST /api/boards creates it,
 * then 10,000 notes added one createNote at a time (one transaction, one update each, as
 * people add notes), each update sent to a real Room that stores it in SQLite and compacts
 * the log under the server's default policy.
 *
 * "Load" is timed as a first participant's connection meets it, up to the moment that
 * participant could be served the whole board: Room.load on a new store instance (read the
 * log, merge it into one binary update, decide whether the board needs a migration), then
 * the room's answer to a sync step 1 from a new client (an empty state vector), computed by
 * the server's own message handler, up to the bytes of the step 2 frame. The answer is then
 * checked, outside the timing, to decode into every note.
 *
 * A room serves that answer from the stored bytes and builds its Y.Doc only after (Room:
 * materialization), so the figure above no longer includes building the document. That
 * build is timed too, as its own column: the thread is busy with it right after the answer
 * (an update arriving then waits for it), and "answer + build" is the server's whole work.
 */
import * as Y from 'yjs';
import { boardRoots } from '../lib/doc';
import { createBoard } from '../server/boards';
import { SqliteStore } from '../server/store/sqlite-engine';
import { seedNotes } from './lib/board';
import type { Cleanup } from './lib/cleanup';
import { collectBenchGarbage } from './lib/gc';
import { sized } from './lib/mode';
import { formatBytes, formatCount, formatMs, verdict, type SectionResult } from './lib/report';
import { answerStep1, joinRoom, loadRoom } from './lib/room-harness';
import { median } from './lib/stats';

export const LOAD_BOARD_NOTES = sized(10_000, 2_000);
/** Loads timed; the median is reported, so one slow run (a GC, another process) does not set the figure. */
export const LOAD_RUNS = 5;
/** The target for loading a 10,000-note board, in ms. */
export const LOAD_TARGET_MS = 400;

/** What a client that has nothing yet sends as its state vector in sync step 1. */
const NEW_CLIENT_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

export interface StoreLoadData {
  notes: number;
  writeSeconds: number;
  storedRows: number;
  storedBytes: number;
  /** Room.load + the answer to a new client's sync step 1, per run. */
  loadMs: number[];
  medianLoadMs: number;
  /** Bytes of that answer (update format v1, the wire's). */
  answerBytes: number;
  /** Building the room's Y.Doc after the answer (Room.materialize), per run. */
  buildMs: number[];
  medianBuildMs: number;
  /** store.loadBoard alone (SQLite read), median of the same number of runs. */
  medianReadMs: number;
}

/** The notes in a step 2 answer, decoded into a fresh document as a client would. */
function notesIn(answer: Uint8Array): number {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, answer);
    return boardRoots(doc).notes.size;
  } finally {
    doc.destroy();
  }
}

function expectNotes(what: string, notes: number): void {
  if (notes !== LOAD_BOARD_NOTES)
    throw new Error(`${what} holds ${notes} notes, expected ${LOAD_BOARD_NOTES}`);
}

async function writeBoard(dataDir: string) {
  const store = await SqliteStore.open(dataDir);
  try {
    const { id } = await createBoard(store, 'load bench');
    const room = await loadRoom(store, id);
    const writer = joinRoom(room);
    seedNotes(writer.doc, LOAD_BOARD_NOTES);
    writer.leave();
    if (!(await room.flush())) throw new Error('the room could not store the board');
    room.destroy();
    return { id, stats: await store.logStats(id) };
  } finally {
    await store.close();
  }
}

export async function runStoreLoad(cleanup: Cleanup): Promise<SectionResult> {
  const dir = cleanup.tempDir('lienzo-bench-load-');
  try {
    const writeStart = performance.now();
    const { id, stats } = await writeBoard(dir.path);
    const writeSeconds = (performance.now() - writeStart) / 1000;

    const loadMs: number[] = [];
    const buildMs: number[] = [];
    const readMs: number[] = [];
    let answerBytes = 0;
    for (let run = 0; run < LOAD_RUNS; run++) {
      const store = await SqliteStore.open(dir.path);
      try {
        // This process's garbage (earlier sections, the last load) is not the load's to pay.
        collectBenchGarbage();
        const start = performance.now();
        const room = await loadRoom(store, id);
        const answer = await answerStep1(room, NEW_CLIENT_STATE_VECTOR);
        loadMs.push(performance.now() - start);
        answerBytes = answer.byteLength;
        expectNotes('the answer to a new client', notesIn(answer));
        collectBenchGarbage();
        const buildStart = performance.now();
        room.materialize();
        buildMs.push(performance.now() - buildStart);
        const built = boardRoots(room.doc).notes.size;
        room.destroy();
        expectNotes("the room's document", built);
        const readStart = performance.now();
        await store.loadLog({ board: id });
        readMs.push(performance.now() - readStart);
      } finally {
        await store.close();
      }
    }

    const medianLoadMs = median(loadMs);
    const pass = medianLoadMs < LOAD_TARGET_MS;
    const medianBuildMs = median(buildMs);
    const data: StoreLoadData = {
      notes: LOAD_BOARD_NOTES,
      writeSeconds,
      storedRows: stats.rows,
      storedBytes: stats.bytes,
      loadMs,
      medianLoadMs,
      answerBytes,
      buildMs,
      medianBuildMs,
      medianReadMs: median(readMs),
    };
    const label = `${formatCount(LOAD_BOARD_NOTES)} notes`;
    const runs = (samples: number[]) => samples.map((ms) => ms.toFixed(0)).join(' / ') + ' ms';
    return {
      id: 'storeLoad',
      title: `3. Cold load of a ${formatCount(LOAD_BOARD_NOTES)}-note board from the store (ours)`,
      headers: [
        'board',
        'stored',
        'load runs (to first answer)',
        'median load',
        'of which SQL read',
        'target',
        'result',
        'then doc build runs',
        'median build',
      ],
      rows: [
        [
          label,
          `${formatBytes(stats.bytes)} in ${stats.rows} row(s)`,
          runs(loadMs),
          formatMs(medianLoadMs),
          formatMs(data.medianReadMs),
          `< ${LOAD_TARGET_MS} ms`,
          verdict(pass),
          runs(buildMs),
          formatMs(medianBuildMs),
        ],
      ],
      notes: [
        `Written in ${writeSeconds.toFixed(1)} s: one createNote (one update) per note through a real Room`,
        'and SqliteStore with the default compaction policy. Timed (load): Room.load on a new',
        "store instance (read, merge, schema check) and the room's answer to a new client's sync",
        `step 1 through the server's handler (${formatBytes(answerBytes)}, checked to hold every note).`,
        'Timed apart (build): building the Y.Doc after that answer (Room.materialize), which the',
        'server does next; load + build is its whole work. The OS file cache is warm.',
      ],
      checks: [
        {
          section: '3. store load',
          what: `median cold load to a first answer, ${label}`,
          measured: formatMs(medianLoadMs),
          target: `< ${LOAD_TARGET_MS} ms`,
          pass,
        },
      ],
      data,
    };
  } finally {
    await dir.remove();
  }
}
