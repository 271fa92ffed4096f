/**
 * Section 1: how long a note move takes to reach every other client, through each server.
 *
 * A board of 1,000 notes is seeded by the first client (one createNote per note, as people
 * add them), then the other clients connect and sync it. Writers take turns (move k is made
 * by client k mod N) and drag one note each (one moveNotes, one update); the clock is
 * bench/lib/moves.ts. Every client runs in this process, so one clock times both ends;
 * receivers are served one after another by this process too, which adds the same
 * client-side cost to every server.
 */
import { sized } from './lib/mode';
import {
  MOVE_SPACING_MS,
  WARMUP_MOVES,
  poolRounds,
  roundOrder,
  type MovesResult,
} from './lib/moves';
import { SETTLE_MS, relayRound } from './lib/relay-round';
import { latencySection } from './latency-report';
import type { SectionResult } from './lib/report';
import { SERVER_KINDS, type BenchServer, type ServerKind } from './lib/server-process';
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

async function measureCase(
  servers: Record<ServerKind, BenchServer>,
  { clients, moves, rounds: roundsPerServer }: LatencyCase,
  caseIndex: number,
): Promise<LatencyCaseResult> {
  const movesPerRound = Math.ceil(moves / roundsPerServer);
  const rounds = new Map<ServerKind, MovesResult[]>(SERVER_KINDS.map((kind) => [kind, []]));
  for (const kind of roundOrder(SERVER_KINDS, roundsPerServer, caseIndex))
    rounds.get(kind)!.push(
      await relayRound({
        servers: [servers[kind]],
        clients,
        moves: movesPerRound,
        title: `latency ${clients}`,
      }),
    );
  const pooled = (server: ServerKind): LatencyResult => {
    const results = rounds.get(server)!;
    return {
      server,
      clients,
      moves: movesPerRound * results.length,
      rounds: results.length,
      ...poolRounds(results),
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
      '(CLIENT_OPTIONS in bench/lib/relay-round.ts). Hocuspocus clients speak its framing',
      '(bench/lib/hocuspocus-client.ts); its CPU includes the acknowledgement it sends per update.',
      `Each round pauses ${SETTLE_MS} ms after seeding (SETTLE_MS: our seeding's compaction happens then).`,
    ],
  });
}
