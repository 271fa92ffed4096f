/**
 * Scale-out section A (issue 10, part 7): relay p99 of a note move between two clients on
 * DIFFERENT Lienzo processes (both on one PostgreSQL and one Redis), against the same two
 * clients on ONE of those processes, against Hocuspocus 4.7 with its Redis extension across
 * two instances on the same Redis, in one run, with the latency section's move pattern
 * (bench/lib/moves.ts) on its 1,000-note board.
 *
 * Before each cross-process round a probe move must reach the other process within seconds
 * (relay-round.ts), so a cluster whose processes do not relay fails with what is missing
 * instead of timing out a whole round.
 */
import type { Cleanup } from './lib/cleanup';
import { describeEngines, enginesInUse, startEngines, type EnginesInUse } from './lib/engines';
import { sized } from './lib/mode';
import {
  MOVE_SPACING_MS,
  WARMUP_MOVES,
  poolRounds,
  roundOrder,
  type MovesResult,
} from './lib/moves';
import { relayRound, type Crossing } from './lib/relay-round';
import { formatCount, formatMs, type Check, type SectionResult } from './lib/report';
import { SEEDED_BOARD_NOTES } from './lib/seeded-board';
import { startBenchServer, type BenchServer } from './lib/server-process';
import type { Summary } from './lib/stats';

/** Cross-process p99 over one-process p99 (same engines): at most 2 (issue 10). */
export const CROSS_OVER_ONE_TARGET = 2;

type Setup = 'crossProcess' | 'oneProcess' | 'hocuspocusRedis';
/** Cross-process first: if the processes do not relay, the section fails in its first seconds. */
const SETUPS: readonly Setup[] = ['crossProcess', 'oneProcess', 'hocuspocusRedis'];
const LABELS: Record<Setup, string> = {
  crossProcess: 'Lienzo, 2 processes',
  oneProcess: 'Lienzo, 1 process',
  hocuspocusRedis: 'Hocuspocus + Redis, 2 instances',
};

const LIENZO_CROSSING: Crossing = {
  neverSynced:
    'process B never synced the board created on process A: is LIENZO_DATABASE_URL wired?',
  neverRelayed: 'process B never saw the move: is LIENZO_REDIS_URL wired?',
};
const HOCUSPOCUS_CROSSING: Crossing = {
  neverSynced: 'Hocuspocus instance B never synced the board seeded on A through Redis',
  neverRelayed: 'Hocuspocus instance B never saw the move through Redis',
};

/**
 * Two clients (one per process in the cross-process setups), as the latency section's first
 * case: every move has one receiver on the other process. 2,000 moves for the same reason as
 * there (p99 is then the 20th slowest move, not one stray pause).
 */
const CLIENTS = 2;
const MOVES = sized(2000, 40);
const ROUNDS = 2;

export interface CrossProcessResult {
  setup: Setup;
  moves: number;
  delaysMs: Summary;
  /** Summed over the setup's server processes (both in the two-process setups), per move. */
  serverCpuMsPerMove: number;
}

interface Cluster {
  setups: Record<Setup, { servers: BenchServer[]; crossing?: Crossing }>;
  engines: EnginesInUse[];
  close(): Promise<void>;
}

/** PostgreSQL, Redis, two Lienzo processes on them, two Hocuspocus instances on that Redis. */
async function startCluster(cleanup: Cleanup): Promise<Cluster> {
  const engines = await startEngines(cleanup);
  const started: BenchServer[] = [];
  const start = async (...args: Parameters<typeof startBenchServer>) => {
    const server = await startBenchServer(...args);
    started.push(server);
    return server;
  };
  const close = async () => {
    for (const server of started.reverse()) await server.close();
    await engines.stop();
  };
  try {
    const env = { env: engines.lienzoEnv };
    const [oursA, oursB] = [await start('ours', cleanup, env), await start('ours', cleanup, env)];
    const hocusEnv = { env: { LIENZO_BENCH_REDIS_URL: engines.redisUrl } };
    const hocusA = await start('hocuspocusRedis', cleanup, hocusEnv);
    const hocusB = await start('hocuspocusRedis', cleanup, hocusEnv);
    return {
      setups: {
        crossProcess: { servers: [oursA, oursB], crossing: LIENZO_CROSSING },
        oneProcess: { servers: [oursA] },
        hocuspocusRedis: { servers: [hocusA, hocusB], crossing: HOCUSPOCUS_CROSSING },
      },
      engines: [await enginesInUse(oursA), await enginesInUse(oursB)],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function measure(cluster: Cluster): Promise<CrossProcessResult[]> {
  const movesPerRound = Math.ceil(MOVES / ROUNDS);
  const rounds = new Map<Setup, MovesResult[]>(SETUPS.map((setup) => [setup, []]));
  for (const setup of roundOrder(SETUPS, ROUNDS, 0)) {
    const { servers, crossing } = cluster.setups[setup];
    rounds.get(setup)!.push(
      await relayRound({
        servers,
        crossing,
        clients: CLIENTS,
        moves: movesPerRound,
        title: setup,
      }),
    );
  }
  return SETUPS.map((setup) => ({
    setup,
    moves: movesPerRound * ROUNDS,
    ...poolRounds(rounds.get(setup)!),
  }));
}

const ratioText = (ratio: number) => `${ratio.toFixed(2)}x`;

function report(results: CrossProcessResult[], engines: EnginesInUse[]): SectionResult {
  const of = (setup: Setup) => results.find((result) => result.setup === setup)!;
  const cross = of('crossProcess').delaysMs.p99;
  const one = of('oneProcess').delaysMs.p99;
  const hocus = of('hocuspocusRedis').delaysMs.p99;
  const wired = engines.every((used) => used.postgres && used.redis);
  const checks: Check[] = [
    {
      section: 'A. cross-process',
      what: 'relay p99, 2 processes / 1 process (PostgreSQL + Redis)',
      measured: `${ratioText(cross / one)} (${formatMs(cross)} vs ${formatMs(one)})`,
      target: `<= ${ratioText(CROSS_OVER_ONE_TARGET)}`,
      pass: cross / one <= CROSS_OVER_ONE_TARGET,
    },
    {
      section: 'A. cross-process',
      what: 'relay p99, Lienzo 2 processes / Hocuspocus + Redis 2 instances',
      measured: `${ratioText(cross / hocus)} (${formatMs(cross)} vs ${formatMs(hocus)})`,
      target: '< 1.00x',
      pass: cross < hocus,
    },
    {
      section: 'A. cross-process',
      what: 'our processes run on PostgreSQL + Redis (/metrics)',
      measured: engines.map(describeEngines).join(', '),
      target: 'PostgreSQL + Redis',
      pass: wired,
    },
  ];
  return {
    id: 'crossProcess',
    title: `A. Note move relay across processes, ${formatCount(SEEDED_BOARD_NOTES)}-note board, ${CLIENTS} clients (Lienzo on PostgreSQL + Redis vs Hocuspocus + Redis)`,
    headers: ['setup', 'moves in rounds', 'samples', 'p50', 'p99', 'max', 'server CPU/move'],
    rows: results.map((result) => [
      LABELS[result.setup],
      `${formatCount(result.moves)} in ${ROUNDS}`,
      formatCount(result.delaysMs.count),
      formatMs(result.delaysMs.p50),
      formatMs(result.delaysMs.p99),
      formatMs(result.delaysMs.max),
      formatMs(result.serverCpuMsPerMove),
    ]),
    notes: [
      "Delay: writer's moveNotes -> the other client's doc shows the new position (bench/lib/moves.ts),",
      `moves every ${MOVE_SPACING_MS} ms, writers alternate, ${WARMUP_MOVES} uncounted warm-up moves a round; rounds run`,
      'A B C C B A and are pooled. 2 processes: the writer and the receiver are on different processes',
      '(one PostgreSQL database, one Redis, both on loopback); 1 process: both on the first of them.',
      'Hocuspocus: two instances with @hocuspocus/extension-redis (its defaults) on the same Redis.',
      `Engines our processes report (/metrics): ${engines.map(describeEngines).join(', ')}.`,
      "Server CPU: the setup's server processes summed (PostgreSQL's and Redis's own CPU not included).",
    ],
    checks,
    data: { results, engines },
  };
}

export async function runCrossProcess(cleanup: Cleanup): Promise<SectionResult> {
  const cluster = await startCluster(cleanup);
  try {
    return report(await measure(cluster), cluster.engines);
  } finally {
    await cluster.close();
  }
}
