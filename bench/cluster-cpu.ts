/**
 * Scale-out section B (issue 10, part 7): what PostgreSQL + Redis cost the server per note
 * move, against SQLite alone: one Lienzo process each, the same board, clients and moves
 * (bench/lib/moves.ts), rounds A B B A. The figure is the Lienzo process's own CPU (user +
 * system), where the store client, the Redis publish and the relay run; PostgreSQL's and
 * Redis's processes are not counted.
 */
import type { Cleanup } from './lib/cleanup';
import { describeEngines, enginesInUse, startEngines, type EnginesInUse } from './lib/engines';
import { sized } from './lib/mode';
import { MOVE_SPACING_MS, poolRounds, roundOrder, type MovesResult } from './lib/moves';
import { relayRound } from './lib/relay-round';
import { formatCount, formatMs, type SectionResult } from './lib/report';
import { SEEDED_BOARD_NOTES } from './lib/seeded-board';
import { startBenchServer, type BenchServer } from './lib/server-process';
import type { Summary } from './lib/stats';

type Store = 'cluster' | 'sqlite';
const STORES: readonly Store[] = ['cluster', 'sqlite'];
const ASKED: Record<Store, string> = {
  cluster: 'PostgreSQL + Redis',
  sqlite: 'SQLite (no engine URL)',
};

/** Two clients: one receiver per move, so the figure is the store and bus path, not fan-out. */
const CLIENTS = 2;
const MOVES = sized(1000, 40);
const ROUNDS = 2;

export interface ClusterCpuResult {
  store: Store;
  engines: EnginesInUse;
  moves: number;
  serverCpuMsPerMove: number;
  delaysMs: Summary;
}

export async function runClusterCpu(cleanup: Cleanup): Promise<SectionResult> {
  const engines = await startEngines(cleanup);
  const servers: Partial<Record<Store, BenchServer>> = {};
  try {
    servers.cluster = await startBenchServer('ours', cleanup, { env: engines.lienzoEnv });
    servers.sqlite = await startBenchServer('ours', cleanup);
    const movesPerRound = Math.ceil(MOVES / ROUNDS);
    const rounds = new Map<Store, MovesResult[]>(STORES.map((store) => [store, []]));
    for (const store of roundOrder(STORES, ROUNDS, 0))
      rounds.get(store)!.push(
        await relayRound({
          servers: [servers[store]!],
          clients: CLIENTS,
          moves: movesPerRound,
          title: `cpu ${store}`,
        }),
      );
    const results: ClusterCpuResult[] = [];
    for (const store of STORES)
      results.push({
        store,
        engines: await enginesInUse(servers[store]!),
        moves: movesPerRound * ROUNDS,
        ...poolRounds(rounds.get(store)!),
      });
    return report(results);
  } finally {
    for (const store of STORES) await servers[store]?.close();
    await engines.stop();
  }
}

function report(results: ClusterCpuResult[]): SectionResult {
  const [cluster, sqlite] = results as [ClusterCpuResult, ClusterCpuResult];
  const wired = cluster.engines.postgres && cluster.engines.redis;
  return {
    id: 'clusterCpu',
    title: `B. Server CPU per note move, one process: PostgreSQL + Redis vs SQLite alone (${formatCount(SEEDED_BOARD_NOTES)}-note board, ${CLIENTS} clients)`,
    headers: ['asked for', 'reported (/metrics)', 'moves', 'CPU/move', 'p50', 'p99'],
    rows: results.map((result) => [
      ASKED[result.store],
      describeEngines(result.engines),
      formatCount(result.moves),
      formatMs(result.serverCpuMsPerMove),
      formatMs(result.delaysMs.p50),
      formatMs(result.delaysMs.p99),
    ]),
    notes: [
      `PostgreSQL + Redis costs ${(cluster.serverCpuMsPerMove / sqlite.serverCpuMsPerMove).toFixed(2)}x SQLite's server CPU per move.`,
      `Lienzo process CPU (user + system) over ${ROUNDS} rounds each (A B B A), warm-up included; moves every`,
      `${MOVE_SPACING_MS} ms, writers alternate. PostgreSQL's and Redis's own processes are not counted.`,
    ],
    checks: [
      {
        section: 'B. cluster CPU',
        what: 'the first process runs on PostgreSQL + Redis (/metrics)',
        measured: describeEngines(cluster.engines),
        target: 'PostgreSQL + Redis',
        pass: wired,
      },
    ],
    data: results,
  };
}
