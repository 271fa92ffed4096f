/**
 * Scale-out section D (issue 10, part 7): how many boards and clients one Lienzo process on
 * PostgreSQL + Redis holds before its relay p99 passes 50 ms. The load steps up (boards
 * double, CLIENTS_PER_BOARD clients each, every board moving a note every
 * BOARD_MOVE_INTERVAL_MS, with the moves of all boards interleaved: bench/lib/moves.ts) until
 * a step's p99 passes the limit; the last step under it is the answer.
 *
 * Every client runs in this bench process, on the same 2 cores as the server: at the larger
 * steps the clients' own work (decoding what they receive) is part of each delay, so the
 * figure is a lower bound of what the server alone holds.
 */
import { destroyClients, type BenchClient } from './lib/clients';
import type { Cleanup } from './lib/cleanup';
import { describeEngines, enginesInUse, startEngines, type EnginesInUse } from './lib/engines';
import { sized } from './lib/mode';
import { poolRounds, timeMoves } from './lib/moves';
import { openBoard, settle } from './lib/relay-round';
import { formatCount, formatMs, verdict, type SectionResult } from './lib/report';
import { startBenchServer, type BenchServer } from './lib/server-process';
import type { Summary } from './lib/stats';

/** Issue 11's limit for relay p99, which issue 10 keeps for a process of a cluster. */
export const P99_LIMIT_MS = 50;
/** A team at a board: a workshop table. */
const CLIENTS_PER_BOARD = sized(10, 3);
/** Boards per step: doubling until the limit is passed (or the last step is reached). */
const STEPS = sized([1, 2, 4, 8, 16, 32, 64, 128], [1, 2]);
/** Each board moves a note this often (ms): someone at each table dragging. */
const BOARD_MOVE_INTERVAL_MS = 250;
/** Measured moves per board per step (plus the shared warm-up). */
const MOVES_PER_BOARD = sized(40, 4);
/**
 * Notes per board: a full Business Model Canvas, not the latency section's 1,000-note stress
 * board, whose 8 MiB per client doc would make the bench process the limit at 1,000 clients.
 */
const BOARD_NOTES = 100;
/**
 * The per-address socket and board quotas are meant for people, and every client of this
 * section comes from 127.0.0.1: lifted for its server, which opens up to 1,280 sockets.
 */
const UNLIMITED_QUOTAS = {
  LIENZO_SOCKETS_PER_MINUTE: '1000000',
  LIENZO_BOARDS_PER_HOUR: '1000000',
};

export interface CapacityStep {
  boards: number;
  clientsPerBoard: number;
  /** Null when the step did not complete (`error`): a load past the limit. */
  delaysMs: Summary | null;
  serverCpuMsPerMove: number | null;
  underLimit: boolean;
  error?: string;
}

export async function runCapacity(cleanup: Cleanup): Promise<SectionResult> {
  const engines = await startEngines(cleanup);
  try {
    const server = await startBenchServer('ours', cleanup, {
      env: { ...engines.lienzoEnv, ...UNLIMITED_QUOTAS },
    });
    try {
      const steps: CapacityStep[] = [];
      for (const boards of STEPS) {
        const step = await measureStep(server, boards);
        steps.push(step);
        if (step.delaysMs)
          console.error(
            `[bench] capacity: ${boards} boards x ${CLIENTS_PER_BOARD} clients, p99 ${formatMs(step.delaysMs.p99)}`,
          );
        if (!step.underLimit) break;
      }
      return report(steps, await enginesInUse(server));
    } finally {
      await server.close();
    }
  } finally {
    await engines.stop();
  }
}

async function measureStep(server: BenchServer, boards: number): Promise<CapacityStep> {
  const opened: BenchClient[][] = [];
  try {
    for (let board = 0; board < boards; board++)
      opened.push(
        await openBoard({
          servers: [server],
          clients: CLIENTS_PER_BOARD,
          title: `capacity ${boards}/${board}`,
          notes: BOARD_NOTES,
        }),
      );
    await settle();
    const result = await timeMoves(opened, {
      moves: boards * MOVES_PER_BOARD,
      spacingMs: BOARD_MOVE_INTERVAL_MS / boards,
      servers: [server],
    });
    const pooled = poolRounds([result]);
    return {
      boards,
      clientsPerBoard: CLIENTS_PER_BOARD,
      ...pooled,
      underLimit: pooled.delaysMs.p99 < P99_LIMIT_MS,
    };
  } catch (error) {
    // Clients that could not sync, or moves not delivered within moves.ts's timeout: this
    // load is past the limit, and the steps before it still count.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[bench] capacity: ${boards} boards did not complete: ${message}`);
    const failed = { delaysMs: null, serverCpuMsPerMove: null, underLimit: false };
    return { boards, clientsPerBoard: CLIENTS_PER_BOARD, ...failed, error: message };
  } finally {
    await destroyClients(opened.flat());
  }
}

function report(steps: CapacityStep[], engines: EnginesInUse): SectionResult {
  const held = steps.filter((step) => step.underLimit).at(-1);
  const last = steps.at(-1)!;
  const holds = held
    ? `${formatCount(held.boards)} boards x ${held.clientsPerBoard} clients (${formatCount(held.boards * held.clientsPerBoard)} clients)`
    : 'not even the first step';
  return {
    id: 'capacity',
    title: `D. Boards and clients one process holds under ${P99_LIMIT_MS} ms relay p99 (${describeEngines(engines)})`,
    headers: [
      'boards',
      'clients/board',
      'clients',
      'samples',
      'p50',
      'p99',
      'CPU/move',
      `p99 < ${P99_LIMIT_MS} ms`,
    ],
    rows: steps.map((step) => [
      formatCount(step.boards),
      String(step.clientsPerBoard),
      formatCount(step.boards * step.clientsPerBoard),
      ...(step.delaysMs
        ? [
            formatCount(step.delaysMs.count),
            formatMs(step.delaysMs.p50),
            formatMs(step.delaysMs.p99),
            formatMs(step.serverCpuMsPerMove!),
          ]
        : ['-', '-', '-', '-']),
      step.error ? 'did not complete' : verdict(step.underLimit),
    ]),
    notes: [
      `Holds ${holds}${last.underLimit ? ', the largest step tried (the limit was not reached)' : ''}.`,
      `Each board: ${BOARD_NOTES} notes, ${CLIENTS_PER_BOARD} clients, a note moved every ${BOARD_MOVE_INTERVAL_MS} ms by its clients in turn,`,
      `${MOVES_PER_BOARD} measured moves per board per step; all boards' moves interleaved on one schedule.`,
      'Clients run in this bench process, on the same cores: at large steps their work is part of',
      'each delay, so this is a lower bound of what the server alone holds.',
      ...steps.filter((step) => step.error).map((step) => `${step.boards} boards: ${step.error}`),
    ],
    checks: [
      {
        section: 'D. capacity',
        what: `last step with relay p99 < ${P99_LIMIT_MS} ms, one process (${describeEngines(engines)})`,
        measured: holds,
        target: `p99 < ${P99_LIMIT_MS} ms`,
        pass: held !== undefined && engines.postgres && engines.redis,
      },
    ],
    data: { steps, engines },
  };
}
