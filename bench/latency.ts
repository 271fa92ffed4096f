/**
 * Section 1: how long a note move takes to reach every other client, through each server.
 *
 * A board of 1,000 notes is seeded by the first client (one createNote per note, as people
 * add them), then the other clients connect and sync it. Writers take turns (move k is made
 * by client k mod N) and drag one note each (one moveNotes, one update). A receiver's delay
 * is the time from just before the writer's moveNotes to the end of the transaction that
 * shows the new position in that receiver's doc. Every client runs in this process, so one
 * clock times both ends; receivers are served one after another by this process too, which
 * adds the same client-side cost to every server.
 */
import { boardRoots } from '../lib/doc';
import { COMPACT_WHEN_QUIET_MS } from '../server/rooms/compaction';
import { NOTE_KEYS, type NoteId } from '../lib/model';
import { dragNote, noteIds } from './lib/board';
import { connectClients, destroyClients, waitUntil, type BenchClient } from './lib/clients';
import { collectBenchGarbage } from './lib/gc';
import { sized } from './lib/mode';
import { latencySection } from './latency-report';
import type { SectionResult } from './lib/report';
import { SEEDED_BOARD_NOTES, seededBoard } from './lib/seeded-board';
import { SERVER_KINDS, type BenchServer, type ServerKind } from './lib/server-process';
import { summarize } from './lib/stats';
import type { LatencyCaseResult, LatencyResult } from './latency-result';

export interface LatencyCase {
  clients: number;
  /** Measured moves per server (each gives clients - 1 samples), split over its rounds. */
  moves: number;
  /** Rounds per server, each on a fresh board; see roundOrder. */
  rounds: 1 | 2;
}

/**
 * More moves than the example (200, 100, 50): the samples of one move are not
 * independent (a pause in a server or in this process delays every receiver of that move),
 * so p99 is really the 99th percentile of moves, and one stray GC pause or WAL checkpoint
 * should not set it alone. With 2 clients a move has one receiver, so p99 of 600 moves was the
 * 6th slowest and swung from 0.8x to 1.4x between runs on this machine; 2,000 moves (40 s a
 * server) make it the 20th. The 200-client case runs two rounds per server too, although
 * its setup (199 clients syncing the board in this process) takes about 15 s a round: with
 * one round ours always ran second, after the reference's round had loaded this process
 * (garbage, JIT state), an order effect the other cases are built to cancel.
 */
export const LATENCY_CASES: readonly LatencyCase[] = sized(
  [
    { clients: 2, moves: 2000, rounds: 2 },
    { clients: 50, moves: 300, rounds: 2 },
    { clients: 200, moves: 200, rounds: 2 },
  ],
  [
    { clients: 2, moves: 100, rounds: 2 },
    { clients: 20, moves: 40, rounds: 1 },
  ],
);

/**
 * BENCH_LATENCY_CLIENTS=2,50 runs only the cases with those client counts (to look at one case
 * without waiting for the others); unset, every case runs.
 */
function selectedCases(): readonly LatencyCase[] {
  const only = process.env.BENCH_LATENCY_CLIENTS?.split(',').map((n) => Number(n.trim()));
  if (!only) return LATENCY_CASES;
  const cases = LATENCY_CASES.filter((c) => only.includes(c.clients));
  if (cases.length === 0)
    throw new Error(
      `BENCH_LATENCY_CLIENTS: no case with ${only.join(', ')} clients; the cases have ${LATENCY_CASES.map((c) => c.clients).join(', ')}`,
    );
  return cases;
}

/**
 * The servers in the order their rounds run, per case: with two rounds per server the order
 * runs forward, then backward (A B C C B A), so a load that drifts during the run (another
 * process on this 2-core machine) weighs on every server alike: each server's two rounds sit,
 * on average, at the middle of the case. The first server changes from case to case, so none
 * always starts a case right after the previous case's setup. Samples of a server's rounds
 * are pooled.
 */
function roundOrder(rounds: 1 | 2, caseIndex: number): ServerKind[] {
  const shift = caseIndex % SERVER_KINDS.length;
  const forward = [...SERVER_KINDS.slice(shift), ...SERVER_KINDS.slice(0, shift)];
  return rounds === 1 ? forward : [...forward, ...[...forward].reverse()];
}

/**
 * 20 ms between move starts (open loop: the schedule does not wait for deliveries): a lively
 * board, yet spaced enough that a move is normally delivered before the next one starts, so
 * the figures measure the path of one move rather than a queue.
 */
export const MOVE_SPACING_MS = 20;
/** Moves made and delivered before measuring in each round, so code paths are compiled (JIT). */
export const WARMUP_MOVES = 20;
/** Notes are picked with this stride: coprime with 1,000, so no note moves twice in a round. */
const NOTE_STRIDE = 7;
/**
 * Latency clients publish no presence. Clients connected together renew their presence
 * together every 15 s, and each renewal is relayed to every client and echoed back by each
 * y-websocket client: with 200 clients, a burst of 80,000 messages that lands in some
 * measurement windows and not others. The heap section keeps presence on.
 */
const CLIENT_OPTIONS = { presence: false } as const;
/** After the last move, how long (ms) every receiver gets to see it before the case fails. */
const DELIVERY_TIMEOUT_MS = 15_000;
/**
 * A pause (ms) between seeding and the moves, on every server alike: the 1,000 seeding updates
 * make our board's log due for compaction, which waits for a quiet second (server/rooms/
 * compaction.ts). Without the pause, that snapshot of the whole board (about 80 ms of CPU
 * the first time in a process, 4 ms once warm) landed inside the measured window or not,
 * depending on a few hundred ms of setup time, or was forced in it by the 2,000th update. A
 * busy board's later compactions (one per 2,000 updates without a lull) are a few µs a move.
 */
const SETTLE_MS = COMPACT_WHEN_QUIET_MS + 500;

interface RoundResult {
  delays: number[];
  /** Server CPU time (user + system) over the round's moves, warm-up included, in ms. */
  cpuMs: number;
  movesMade: number;
}

interface InFlight {
  noteId: NoteId;
  x: number;
  y: number;
  sentAt: number;
  /** seen[i] is 1 once client i shows the position (the writer counts as seen). */
  seen: Uint8Array;
  waiting: number;
  measured: boolean;
}

const sleepUntil = (time: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));

/** Watches every client's doc and records, per in-flight move, when each one shows it. */
function watchDeliveries(clients: readonly BenchClient[], delays: number[]) {
  const inFlight = new Set<InFlight>();
  const listeners = clients.map((client, index) => {
    const { notes } = boardRoots(client.doc);
    const listener = () => {
      for (const move of inFlight) {
        if (move.seen[index]) continue;
        const note = notes.get(move.noteId);
        if (!note || note.get(NOTE_KEYS.x) !== move.x || note.get(NOTE_KEYS.y) !== move.y) continue;
        const now = performance.now();
        move.seen[index] = 1;
        if (move.measured) delays.push(now - move.sentAt);
        if (--move.waiting === 0) inFlight.delete(move);
      }
    };
    client.doc.on('afterTransaction', listener);
    return () => client.doc.off('afterTransaction', listener);
  });
  return { inFlight, stop: () => listeners.forEach((off) => off()) };
}

/** Makes `moves` spaced moves (after the warm-up) among `clients` and times each delivery. */
async function timeMoves(
  server: BenchServer,
  clients: readonly BenchClient[],
  moves: number,
): Promise<RoundResult> {
  const ids = noteIds(clients[0]!.doc).sort();
  const delays: number[] = [];
  const { inFlight, stop } = watchDeliveries(clients, delays);
  const total = WARMUP_MOVES + moves;
  const cpuBefore = await server.cpu();
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    await sleepUntil(start + k * MOVE_SPACING_MS);
    const writer = k % clients.length;
    const noteId = ids[(k * NOTE_STRIDE) % ids.length]!;
    const seen = new Uint8Array(clients.length);
    seen[writer] = 1;
    const sentAt = performance.now();
    const landed = dragNote(clients[writer]!.doc, noteId);
    inFlight.add({
      noteId,
      ...landed,
      sentAt,
      seen,
      waiting: clients.length - 1,
      measured: k >= WARMUP_MOVES,
    });
  }
  await waitUntil(
    () => inFlight.size === 0,
    `every move delivered to all ${clients.length} clients (${inFlight.size} still in flight)`,
    DELIVERY_TIMEOUT_MS,
  );
  const cpuAfter = await server.cpu();
  stop();
  return { delays, cpuMs: (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / 1000, movesMade: total };
}

/** One round: a fresh seeded board, `clientCount` clients on it, `moves` timed moves. */
async function latencyRound(
  server: BenchServer,
  clientCount: number,
  moves: number,
): Promise<RoundResult> {
  const { board, seeder } = await seededBoard(server, `latency ${clientCount}`, CLIENT_OPTIONS);
  const clients: BenchClient[] = [seeder];
  try {
    clients.push(
      ...(await connectClients(server, board, clientCount - 1, SEEDED_BOARD_NOTES, CLIENT_OPTIONS)),
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // Garbage from seeding and syncing is collected now rather than during the moves.
    collectBenchGarbage();
    return await timeMoves(server, clients, moves);
  } finally {
    await destroyClients(clients);
  }
}

async function measureCase(
  servers: Record<ServerKind, BenchServer>,
  { clients, moves, rounds: roundsPerServer }: LatencyCase,
  caseIndex: number,
): Promise<LatencyCaseResult> {
  const movesPerRound = Math.ceil(moves / roundsPerServer);
  const rounds = new Map<ServerKind, RoundResult[]>(SERVER_KINDS.map((kind) => [kind, []]));
  for (const kind of roundOrder(roundsPerServer, caseIndex))
    rounds.get(kind)!.push(await latencyRound(servers[kind], clients, movesPerRound));
  const pooled = (server: ServerKind): LatencyResult => {
    const results = rounds.get(server)!;
    const cpuMs = results.reduce((sum, round) => sum + round.cpuMs, 0);
    const movesMade = results.reduce((sum, round) => sum + round.movesMade, 0);
    return {
      server,
      clients,
      moves: movesPerRound * results.length,
      rounds: results.length,
      delaysMs: summarize(results.flatMap((round) => round.delays)),
      serverCpuMsPerMove: cpuMs / movesMade,
    };
  };
  return { reference: pooled('reference'), hocuspocus: pooled('hocuspocus'), ours: pooled('ours') };
}

export async function runLatency(servers: Record<ServerKind, BenchServer>): Promise<SectionResult> {
  const results: LatencyCaseResult[] = [];
  for (const [index, latencyCase] of selectedCases().entries())
    results.push(await measureCase(servers, latencyCase, index));
  return latencySection(results, {
    notes: [
      "Delay: writer's moveNotes -> each other client's doc shows the new position. Moves start",
      `every ${MOVE_SPACING_MS} ms, writers rotate. Each round is a fresh board with ${WARMUP_MOVES} uncounted warm-up moves;`,
      "a server's rounds are pooled; with 2 rounds the order runs forward then back (A B C C B A),",
      'starting from another server in each case. Clients share this process (one clock); a',
      'receiver waits for the ones served before it, which adds the same client-side cost under',
      'every server, most visibly at 200 clients. Latency clients publish no presence',
      '(CLIENT_OPTIONS in bench/latency.ts). Hocuspocus clients speak its framing',
      '(bench/lib/hocuspocus-client.ts); its CPU includes the acknowledgement it sends per update.',
      `Each round pauses ${SETTLE_MS} ms after seeding (SETTLE_MS: our seeding's compaction happens then).`,
    ],
  });
}
