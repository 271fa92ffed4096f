import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../server/store/sqlite-engine';

/**
 * The size of a board's own stored log, read from the SQLite file on a read-only connection
 * of its own (WAL lets it read while the server writes): what the tests check compaction by.
 */
export function storedLog(
  dataDir: string,
  id: string,
): { rows: number; bytes: number; snapshots: number } {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare<[string], { rows: number; bytes: number; snapshots: number }>(
        `SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes,
                count(*) FILTER (WHERE kind = 'snapshot') AS snapshots
           FROM board_log WHERE board_id = ? AND writer = ''`,
      )
      .get(id)!;
  } finally {
    db.close();
  }
}
