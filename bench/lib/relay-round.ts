/**
 * A board with its clients, ready for timed moves (moves.ts): created and seeded on the first
 * server, the other clients spread over the given servers (one process, or a cluster's
 * several), settled. The latency section and the scale-out sections open their boards here.
 */
import { COMPACT_WHEN_QUIET_MS } from '../../server/rooms/compaction';
import { connectClients, destroyClients, type BenchClient, type ClientOptions } from './clients';
import { collectBenchGarbage } from './gc';
import { expectMoveRelayed, timeMoves, type MovesResult } from './moves';
import { SEEDED_BOARD_NOTES, seededBoard } from './seeded-board';
import type { BenchServer } from './server-process';

/**
 * Timed clients publish no presence. Clients connected together renew their presence
 * together every 15 s, and each renewal is relayed to every client and echoed back by each
 * y-websocket client: with 200 clients, a burst of 80,000 messages that lands in some
 * measurement windows and not others. The heap section keeps presence on.
 */
export const CLIENT_OPTIONS = { presence: false } as const satisfies ClientOptions;
/**
 * A pause (ms) between seeding and the moves, on every server alike: the seeding updates make
 * our board's log due for compaction, which waits for a quiet second (server/rooms/
 * compaction.ts). Without the pause, that snapshot of the whole board (about 80 ms of CPU
 * the first time in a process, 4 ms once warm) landed inside the measured window or not,
 * depending on a few hundred ms of setup time, or was forced in it by the 2,000th update. A
 * busy board's later compactions (one per 2,000 updates without a lull) are a few µs a move.
 */
export const SETTLE_MS = COMPACT_WHEN_QUIET_MS + 500;
/**
 * When clients sit on different processes: how long (ms) the ones away from the board's first
 * process get to sync it, and a probe move to reach them. On loopback both take well under a
 * second once the processes share their engines; these bound the failure when they do not.
 */
const CROSSING_SYNC_TIMEOUT_MS = 15_000;
const CROSSING_PROBE_TIMEOUT_MS = 5_000;

/** What to say when the servers of a board do not share it: the hint names the likely cause. */
export interface Crossing {
  /** "process B never synced the board created on process A: ..." */
  neverSynced: string;
  /** "process B never saw the move: ..." */
  neverRelayed: string;
}

export interface OpenBoardOptions {
  /** Client i connects to servers[i mod length]; client 0 creates and seeds the board. */
  servers: readonly BenchServer[];
  clients: number;
  title: string;
  /** Notes seeded; default SEEDED_BOARD_NOTES. */
  notes?: number;
  /** Required when there are several servers: the failures to report, within seconds. */
  crossing?: Crossing;
}

/** A seeded board and its connected clients (client 0 first), checked to relay across servers. */
export async function openBoard({
  servers,
  clients: count,
  title,
  notes = SEEDED_BOARD_NOTES,
  crossing,
}: OpenBoardOptions): Promise<BenchClient[]> {
  if (servers.length > 1 && !crossing) throw new Error('openBoard: several servers need crossing');
  const { board, seeder } = await seededBoard(servers[0]!, title, CLIENT_OPTIONS, notes);
  const clients: BenchClient[] = [seeder];
  try {
    for (const [index, server] of servers.entries()) {
      // Client i (after the seeder, i = 1..count-1) connects to servers[i mod length].
      let here = 0;
      for (let i = 1; i < count; i++) if (i % servers.length === index) here++;
      if (here === 0) continue;
      const away = index > 0;
      try {
        clients.push(
          ...(await connectClients(server, board, here, notes, {
            ...CLIENT_OPTIONS,
            syncTimeoutMs: away ? CROSSING_SYNC_TIMEOUT_MS : undefined,
          })),
        );
      } catch (error) {
        if (!away) throw error;
        throw new Error(`${crossing!.neverSynced} (${(error as Error).message})`);
      }
    }
    if (crossing)
      await expectMoveRelayed(clients, CROSSING_PROBE_TIMEOUT_MS, crossing.neverRelayed);
    return clients;
  } catch (error) {
    await destroyClients(clients);
    throw error;
  }
}

/** Waits SETTLE_MS (compaction of the seeding), then collects this process's garbage. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  // Garbage from seeding and syncing is collected now rather than during the moves.
  collectBenchGarbage();
}

/** One round: a fresh seeded board, its clients on `servers`, `moves` timed moves, closed. */
export async function relayRound(
  options: OpenBoardOptions & { moves: number },
): Promise<MovesResult> {
  const clients = await openBoard(options);
  try {
    await settle();
    return await timeMoves([clients], { moves: options.moves, servers: options.servers });
  } finally {
    await destroyClients(clients);
  }
}
