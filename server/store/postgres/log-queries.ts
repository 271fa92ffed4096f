import type pg from 'pg';
import type { LogRef, StoredSnapshot, UpdateFormat } from '../store';
import { inTransaction } from './pool';

/**
 * The SQL of logs (schema.ts): appending with a per-log sequence, reading a log whole or
 * after a sequence number, and compacting. Each function is one transaction.
 */

/** The `writer` column of a board's own log. */
export const BOARD_LOG = '';

const FORMAT_NUMBER: Record<UpdateFormat, 1 | 2> = { v1: 1, v2: 2 };
const FORMAT_OF_NUMBER: Record<number, UpdateFormat> = { 1: 'v1', 2: 'v2' };

export const writerOf = (log: LogRef): string => log.writer ?? BOARD_LOG;

/** A view of the driver's Buffer as a plain Uint8Array (same bytes, no copy). */
export function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** One stored update with its place in the log. */
export interface SequencedUpdate {
  seq: number;
  data: Uint8Array;
}

/** What a log holds after some sequence number (readLogSince). */
export interface LogTail {
  /**
   * The compacted snapshot, when the caller must start from it: always for a whole read, and
   * for a read after `since` when compaction has folded updates after `since` into it.
   */
  snapshot: StoredSnapshot | null;
  /** The updates after `since` (or after the snapshot), oldest first. */
  updates: SequencedUpdate[];
  /** The log's last sequence number: applying all of the above brings a reader up to it. */
  seq: number;
  /** The board's StoredBoard.docSchema (null for drafts). */
  docSchema: number | null;
}

interface TailRow {
  doc_schema: number | null;
  seq: string | null;
  format: number | null;
  snapshot: Buffer | null;
  through_seq: string | null;
  updates: Buffer[] | null;
  update_seqs: string[] | null;
}

/**
 * One statement, so one moment: the board row (null when there is no such board), the
 * log's row, snapshot and updates. A draft never written has no `logs` row: an empty log.
 * `$3` is the sequence to read after, or NULL for the whole log.
 */
const READ_TAIL = `
  SELECT b.doc_schema, l.seq, s.format, s.data AS snapshot, s.through_seq,
         u.updates, u.update_seqs
    FROM boards b
    LEFT JOIN logs l ON l.board_id = b.id AND l.writer = $2
    LEFT JOIN log_snapshots s ON s.board_id = b.id AND s.writer = $2
    LEFT JOIN LATERAL (
      SELECT array_agg(data ORDER BY seq) AS updates, array_agg(seq ORDER BY seq) AS update_seqs
        FROM log_updates
       WHERE board_id = b.id AND writer = $2
         AND seq > greatest(coalesce($3::bigint, 0), coalesce(s.through_seq, 0))
    ) u ON true
   WHERE b.id = $1`;

export async function readLogSince(
  db: pg.Pool,
  log: LogRef,
  since: number | null,
): Promise<LogTail | null> {
  const writer = writerOf(log);
  const result = await db.query<TailRow>(READ_TAIL, [log.board, writer, since]);
  const row = result.rows[0];
  if (!row) return null;
  const throughSeq = Number(row.through_seq ?? 0);
  const withSnapshot = row.snapshot !== null && (since === null || since < throughSeq);
  const seqs = row.update_seqs ?? [];
  return {
    snapshot: withSnapshot
      ? { format: FORMAT_OF_NUMBER[row.format!]!, data: toBytes(row.snapshot!) }
      : null,
    updates: (row.updates ?? []).map((data, index) => ({
      seq: Number(seqs[index]),
      data: toBytes(data),
    })),
    seq: Number(row.seq ?? 0),
    docSchema: writer === BOARD_LOG ? row.doc_schema : null,
  };
}

/**
 * Raises the log's seq by the number of updates and inserts them under the new numbers, in
 * one statement (so one round trip, and atomic without BEGIN/COMMIT). The UPDATE takes the
 * log row's lock: writers of one log, in any process, take turns, in commit order. No row
 * (no such board, or a draft's first write): nothing is inserted.
 */
const APPEND = `
  WITH raised AS (
    UPDATE logs SET seq = seq + cardinality($3::bytea[])
     WHERE board_id = $1 AND writer = $2
     RETURNING seq
  )
  INSERT INTO log_updates (board_id, writer, seq, data)
  SELECT $1, $2, raised.seq - cardinality($3::bytea[]) + u.ordinal, u.data
    FROM raised, unnest($3::bytea[]) WITH ORDINALITY AS u(data, ordinal)
  RETURNING seq`;

/** A draft's log row, made on its first write; nothing when its board does not exist. */
const ENSURE_LOG = `
  INSERT INTO logs (board_id, writer) SELECT id, $2 FROM boards WHERE id = $1
  ON CONFLICT DO NOTHING`;

/** Appends updates in order; resolves with the seq of the last one once committed. */
export async function appendToLog(
  db: pg.Pool,
  log: LogRef,
  updates: readonly Uint8Array[],
): Promise<number> {
  const writer = writerOf(log);
  const params = [log.board, writer, updates];
  const appended = await db.query<{ seq: string }>(APPEND, params);
  if (appended.rowCount === updates.length) return lastSeq(appended.rows);
  if (writer === BOARD_LOG) throw new Error(`board ${log.board} does not exist`);
  // A draft's first write: its row and its updates in one transaction.
  return inTransaction(db, async (client) => {
    await client.query(ENSURE_LOG, [log.board, writer]);
    const first = await client.query<{ seq: string }>(APPEND, params);
    if (first.rowCount !== updates.length) throw new Error(`board ${log.board} does not exist`);
    return lastSeq(first.rows);
  });
}

function lastSeq(rows: { seq: string }[]): number {
  return Math.max(...rows.map((row) => Number(row.seq)));
}

/**
 * Replaces everything in the log up to `throughSeq` (null: everything stored now) with one
 * snapshot: the snapshot is written with that watermark, the updates it holds deleted, and
 * those after it kept. A cluster process passes the seq its document has applied, so updates
 * another process stored meanwhile survive its compaction.
 */
export function compactLog(
  db: pg.Pool,
  log: LogRef,
  snapshot: StoredSnapshot,
  throughSeq: number | null,
): Promise<void> {
  const writer = writerOf(log);
  return inTransaction(db, async (client) => {
    if (writer !== BOARD_LOG) await client.query(ENSURE_LOG, [log.board, writer]);
    const locked = await client.query<{ seq: string }>(
      'SELECT seq FROM logs WHERE board_id = $1 AND writer = $2 FOR UPDATE',
      [log.board, writer],
    );
    const row = locked.rows[0];
    if (!row) throw new Error(`board ${log.board} does not exist`);
    const through = throughSeq ?? Number(row.seq);
    await client.query(
      `INSERT INTO log_snapshots (board_id, writer, format, data, through_seq)
         VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (board_id, writer) DO UPDATE
         SET format = excluded.format, data = excluded.data, through_seq = excluded.through_seq
         -- A snapshot older than the stored one (a slower process's) must not replace it.
         WHERE log_snapshots.through_seq <= excluded.through_seq`,
      [log.board, writer, FORMAT_NUMBER[snapshot.format], snapshot.data, through],
    );
    await client.query(
      'DELETE FROM log_updates WHERE board_id = $1 AND writer = $2 AND seq <= $3',
      [log.board, writer, through],
    );
  });
}

/** The snapshot a new board starts with, and its log row, inside createBoard's transaction. */
export async function startBoardLog(
  client: pg.PoolClient,
  board: string,
  snapshot: StoredSnapshot,
): Promise<void> {
  await client.query('INSERT INTO logs (board_id, writer) VALUES ($1, $2)', [board, BOARD_LOG]);
  await client.query(
    `INSERT INTO log_snapshots (board_id, writer, format, data, through_seq)
       VALUES ($1, $2, $3, $4, 0)`,
    [board, BOARD_LOG, FORMAT_NUMBER[snapshot.format], snapshot.data],
  );
}
