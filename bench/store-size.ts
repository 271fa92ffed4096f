/**
 * Section 4: how much disk a 1,000-note board takes after 100,000 moves of its notes, before
 * and after compaction (ours).
 *
 * Everything goes through the server's storage path (see lib/room-harness.ts): a board created
 * as the API creates it, 1,000 notes added one createNote at a time, then 100,000 drags (one
 * moveNotes of one note each: a drag end) by three clients taking turns, each update parsed,
 * applied, stored and relayed by a real Room over the real SQLite store (SqliteStore), which compacts
 * the log under the server's default policy as it goes. Sizes are the bytes of the board's
 * rows (sum of length(data)) and the database file after a WAL checkpoint and VACUUM.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readBoard } from '../lib/doc';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  DEFAULT_NOTE_HEIGHT,
  DEFAULT_NOTE_WIDTH,
  type BoardId,
  type NoteId,
} from '../lib/model';
import { createBoard } from '../server/boards';
import { DEFAULT_COMPACTION, FORCE_FACTOR } from '../server/rooms/compaction';
import { DATABASE_FILE } from '../server/store/sqlite-engine';
import { dragNote, seedNotes } from './lib/board';
import type { Cleanup } from './lib/cleanup';
import { CountingStore } from './lib/counting-store';
import { sized } from './lib/mode';
import { seededRandom, randomInt } from './lib/random';
import { formatBytes, formatCount, verdict, type SectionResult } from './lib/report';
import { compactThroughRoom, joinRoom, loadRoom, type RoomClient } from './lib/room-harness';

export const SIZE_BOARD_NOTES = 1_000;
export const SIZE_MOVES = sized(100_000, 10_000);
/** Three people editing the board, taking turns: each has its own Yjs client id. */
const WRITERS = 3;
/** The target: what the moves may add to the compacted board, in bytes (1 MB, decimal). */
export const GROWTH_TARGET_BYTES = 1_000_000;
/** Fixed, so every run makes the same moves. */
const MOVES_SEED = 0x6c69656e;

interface Stage {
  rows: number;
  bytes: number;
  /** The database file after a WAL checkpoint and VACUUM, in bytes (this board only). */
  fileBytes: number;
}

export interface StoreSizeData {
  notes: number;
  moves: number;
  beforeMoves: Stage;
  afterMoves: Stage;
  afterCompaction: Stage;
  growthBytes: number;
  /** What the moves appended in total, i.e. the log's size had it never been compacted. */
  appendedBytes: number;
  automaticCompactions: number;
  movesSeconds: number;
  /** The final document in Yjs' v2 update encoding (diagnostic: a possible snapshot format). */
  v2SnapshotBytes: number;
  v2SnapshotBytesBeforeMoves: number;
}

/** Checkpoints the WAL and rewrites the file without free pages; the store must be closed. */
function vacuumedFileBytes(dataDir: string): number {
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return statSync(file).size;
}

/** Opens the store, runs `work` with it and closes it. */
async function withStore<T>(
  dataDir: string,
  work: (store: CountingStore) => T | Promise<T>,
): Promise<T> {
  const store = await CountingStore.open(dataDir);
  try {
    return await work(store);
  } finally {
    await store.inner.close();
  }
}

/** The board's rows, then the database file once checkpointed and vacuumed. */
async function stage(dataDir: string, id: BoardId): Promise<Stage> {
  const { rows, bytes } = await withStore(dataDir, (store) => store.inner.logStats(id));
  return { rows, bytes, fileBytes: vacuumedFileBytes(dataDir) };
}

function v2Size(dataDir: string, id: BoardId): Promise<number> {
  return withStore(dataDir, async (store) => {
    const room = await loadRoom(store.store, id);
    try {
      return Y.encodeStateAsUpdateV2(room.doc).byteLength;
    } finally {
      room.destroy();
    }
  });
}

/**
 * Runs `work` with WRITERS clients in a freshly loaded room, waits for the room to store and
 * relay everything, reads the result with `read`, then has them leave.
 */
async function session<T>(
  store: CountingStore,
  id: BoardId,
  work: (clients: RoomClient[]) => void,
  read: (clients: RoomClient[]) => T,
): Promise<T> {
  const room = await loadRoom(store.store, id);
  const clients = Array.from({ length: WRITERS }, () => joinRoom(room));
  try {
    work(clients);
    if (!(await room.flush())) throw new Error('the room could not store the board');
    return read(clients);
  } finally {
    for (const client of clients) client.leave();
    room.destroy();
  }
}

function positions(doc: Y.Doc): string {
  return JSON.stringify(
    [...readBoard(doc).notes.values()].map((note) => [note.id, note.x, note.y, note.block]).sort(),
  );
}

export async function runStoreSize(cleanup: Cleanup): Promise<SectionResult> {
  const dir = cleanup.tempDir('lienzo-bench-size-');
  try {
    const { id, ids } = await withStore(dir.path, async (store) => {
      const { id } = await createBoard(store.inner, 'size bench');
      let ids: NoteId[] = [];
      await session(
        store,
        id,
        ([writer]) => (ids = seedNotes(writer!.doc, SIZE_BOARD_NOTES)),
        () => undefined,
      );
      await compactThroughRoom(store.store, id);
      return { id, ids };
    });
    const beforeMoves = await stage(dir.path, id);
    const v2SnapshotBytesBeforeMoves = await v2Size(dir.path, id);

    const movesStart = performance.now();
    const moved = await withStore(dir.path, async (store) => {
      const random = seededRandom(MOVES_SEED);
      const expected = await session(
        store,
        id,
        (clients) => {
          for (let k = 0; k < SIZE_MOVES; k++) {
            const note: NoteId = ids[randomInt(random, ids.length)]!;
            dragNote(clients[k % WRITERS]!.doc, note, {
              x: randomInt(random, BOARD_WIDTH - DEFAULT_NOTE_WIDTH),
              y: randomInt(random, BOARD_HEIGHT - DEFAULT_NOTE_HEIGHT),
            });
          }
        },
        (clients) => positions(clients[0]!.doc),
      );
      return { expected, appended: store.appendedBytes, compactions: store.compactions };
    });
    const movesSeconds = (performance.now() - movesStart) / 1000;
    const afterMoves = await stage(dir.path, id);

    await withStore(dir.path, (store) => compactThroughRoom(store.store, id));
    const afterCompaction = await stage(dir.path, id);
    await withStore(dir.path, async (store) => {
      const room = await loadRoom(store.store, id);
      const stored = positions(room.doc);
      room.destroy();
      if (stored !== moved.expected)
        throw new Error('the compacted board does not hold the positions the clients saw');
    });
    const v2SnapshotBytes = await v2Size(dir.path, id);

    const growthBytes = afterCompaction.bytes - beforeMoves.bytes;
    const pass = growthBytes < GROWTH_TARGET_BYTES;
    const data: StoreSizeData = {
      notes: SIZE_BOARD_NOTES,
      moves: SIZE_MOVES,
      beforeMoves,
      afterMoves,
      afterCompaction,
      growthBytes,
      appendedBytes: moved.appended,
      automaticCompactions: moved.compactions,
      movesSeconds,
      v2SnapshotBytes,
      v2SnapshotBytesBeforeMoves,
    };
    const row = (label: string, s: Stage) => [
      label,
      formatBytes(s.bytes),
      formatCount(s.rows),
      formatBytes(s.fileBytes),
      formatBytes(s.bytes - beforeMoves.bytes),
    ];
    const moves = formatCount(SIZE_MOVES);
    return {
      id: 'storeSize',
      title: `4. Stored size of a ${formatCount(SIZE_BOARD_NOTES)}-note board after ${moves} moves (ours)`,
      headers: ['stage', 'board rows', 'rows', 'db file (vacuumed)', 'growth vs before'],
      rows: [
        row('before the moves (compacted)', beforeMoves),
        [
          'after the moves, had it never compacted (sum)',
          formatBytes(beforeMoves.bytes + moved.appended),
          formatCount(beforeMoves.rows + SIZE_MOVES),
          '-',
          formatBytes(moved.appended),
        ],
        row('after the moves, as the server left it', afterMoves),
        row('after a final compaction', afterCompaction),
      ],
      notes: [
        `Growth after compaction: ${formatBytes(growthBytes)} (target < 1 MB): ${verdict(pass)}.`,
        `During the moves (${movesSeconds.toFixed(1)} s) the server compacted ${moved.compactions} times on its own: a due log (${DEFAULT_COMPACTION.maxUpdates} updates)`,
        `waits for ${DEFAULT_COMPACTION.quietMs} ms without updates, which this loop never leaves, so it was compacted at ${FORCE_FACTOR}x that, and when the room closed;`,
        'the "never compacted" row adds up what the moves appended, as rows would hold without it.',
        `Diagnostic: the same document in Yjs' v2 update encoding is ${formatBytes(v2SnapshotBytes)}`,
        `(${formatBytes(v2SnapshotBytesBeforeMoves)} before the moves: growth ${formatBytes(v2SnapshotBytes - v2SnapshotBytesBeforeMoves)}).`,
      ],
      checks: [
        {
          section: '4. store size',
          what: `growth after ${moves} moves + compaction`,
          measured: formatBytes(growthBytes),
          target: '< 1 MB',
          pass,
        },
      ],
      data,
    };
  } finally {
    await dir.remove();
  }
}
