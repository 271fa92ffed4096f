import { boardRoots, initBoardDoc } from '../../lib/doc';
import { seedNotes } from './board';
import { connectClients, type BenchClient, type ClientOptions } from './clients';
import type { BenchBoard, BenchServer } from './server-process';

/** The board the latency and heap sections run on, on both servers: 1,000 notes. */
export const SEEDED_BOARD_NOTES = 1_000;

/**
 * Creates a board on `server` and fills it with `notes` notes (default SEEDED_BOARD_NOTES)
 * from a first client, which stays connected (so the board stays loaded). Ours gets its
 * board fields from the API; the reference starts with an empty document, so the client
 * writes them, as our server would have.
 */
export async function seededBoard(
  server: BenchServer,
  title: string,
  options: ClientOptions = {},
  notes = SEEDED_BOARD_NOTES,
): Promise<{ board: BenchBoard; seeder: BenchClient }> {
  const board = await server.createBoard(title);
  const [seeder] = await connectClients(server, board, 1, 0, options);
  const { doc } = seeder!;
  if (boardRoots(doc).meta.size === 0) initBoardDoc(doc, { title, createdAt: Date.now() });
  seedNotes(doc, notes);
  return { board, seeder: seeder! };
}
