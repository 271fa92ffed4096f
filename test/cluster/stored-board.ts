import pg from 'pg';
import * as Y from 'yjs';
import { boardRoots } from '../../lib/doc';

/** A board's own log (not a private writer's) as PostgreSQL's schema names it. */
const BOARD_WRITER = '';
/** log_snapshots.format: Yjs update format v1 or v2. */
const FORMAT_V2 = 2;

/**
 * The note ids of a board as PostgreSQL holds it, read straight from its tables (snapshot,
 * then every update after it): what survives whatever the processes did.
 */
export async function storedNoteIds(databaseUrl: string, board: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const doc = new Y.Doc();
    const snapshot = await client.query<{ format: number; data: Buffer; through_seq: string }>(
      'SELECT format, data, through_seq FROM log_snapshots WHERE board_id = $1 AND writer = $2',
      [board, BOARD_WRITER],
    );
    const row = snapshot.rows[0];
    if (row) (row.format === FORMAT_V2 ? Y.applyUpdateV2 : Y.applyUpdate)(doc, row.data);
    const updates = await client.query<{ data: Buffer }>(
      'SELECT data FROM log_updates WHERE board_id = $1 AND writer = $2 AND seq > $3 ORDER BY seq',
      [board, BOARD_WRITER, row?.through_seq ?? 0],
    );
    for (const update of updates.rows) Y.applyUpdate(doc, update.data);
    return [...boardRoots(doc).notes.keys()];
  } finally {
    await client.end();
  }
}
