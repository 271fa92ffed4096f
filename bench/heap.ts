/**
 * Section 2: the server heap each connected idle client costs, on both servers.
 *
 * Each server runs alone in a fresh child process (started with --expose-gc). A first client
 * seeds the shared 1,000-note board and stays connected, so the board is loaded in both
 * readings. A few clients connect and leave first, so code that is compiled or allocated once
 * (on the first connection) is in the baseline. Then: heap after full collections, N idle
 * clients connect and sync (each with its presence state, as a browser has), heap again.
 * Per client = (after - before) / N.
 */
import { connectClients, destroyClients } from './lib/clients';
import type { Cleanup } from './lib/cleanup';
import { sized } from './lib/mode';
import { formatBytes, verdict, type SectionResult } from './lib/report';
import {
  SERVER_LABELS,
  startBenchServer,
  type BenchServer,
  type ProcessKind,
} from './lib/server-process';
import { SEEDED_BOARD_NOTES, seededBoard } from './lib/seeded-board';
import { median } from './lib/stats';

export const IDLE_CLIENTS = sized(200, 50);
/** The target, in bytes of server heap per idle client: 20 KB (decimal, the stricter). */
export const HEAP_TARGET_BYTES_PER_CLIENT = 20_000;
/** Clients that connect and leave before the baseline (warm-up of once-only allocations). */
const WARMUP_CLIENTS = 10;
/**
 * Pause (ms) before each reading: lets closed sockets finish closing, the room drop leavers'
 * presence and connections drain their first-sync buffers.
 */
const SETTLE_MS = 1_000;
/** Heap readings per side; the median is used (a reading is three full collections). */
const READINGS = 3;

export interface HeapResult {
  kind: ProcessKind;
  clients: number;
  heapBefore: number;
  heapAfter: number;
  perClient: number;
  /** Memory outside the JS heap (socket buffers) per client: for information. */
  externalPerClient: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function reading(server: BenchServer) {
  await sleep(SETTLE_MS);
  const readings = [];
  for (let i = 0; i < READINGS; i++) readings.push(await server.heap());
  return {
    heapUsed: median(readings.map((r) => r.heapUsed)),
    external: median(readings.map((r) => r.external)),
  };
}

async function measureIdleHeap(server: BenchServer): Promise<HeapResult> {
  const { board, seeder } = await seededBoard(server, 'heap');
  try {
    await destroyClients(await connectClients(server, board, WARMUP_CLIENTS, SEEDED_BOARD_NOTES));
    const before = await reading(server);
    const idle = await connectClients(server, board, IDLE_CLIENTS, SEEDED_BOARD_NOTES);
    try {
      const after = await reading(server);
      return {
        kind: server.kind,
        clients: IDLE_CLIENTS,
        heapBefore: before.heapUsed,
        heapAfter: after.heapUsed,
        perClient: (after.heapUsed - before.heapUsed) / IDLE_CLIENTS,
        externalPerClient: (after.external - before.external) / IDLE_CLIENTS,
      };
    } finally {
      await destroyClients(idle);
    }
  } finally {
    await destroyClients([seeder]);
  }
}

export async function runHeap(cleanup: Cleanup): Promise<SectionResult> {
  const results: HeapResult[] = [];
  for (const kind of ['reference', 'ours'] as const) {
    const server = await startBenchServer(kind, cleanup);
    try {
      results.push(await measureIdleHeap(server));
    } finally {
      await server.close();
    }
  }
  const target = `${HEAP_TARGET_BYTES_PER_CLIENT / 1000} KB`;
  return {
    id: 'heap',
    title: `2. Server heap per connected idle client (${IDLE_CLIENTS} clients on one board)`,
    headers: [
      'server',
      'heap before',
      'heap after',
      'per client',
      'target',
      'result',
      'external/client',
    ],
    rows: results.map((result) => [
      SERVER_LABELS[result.kind],
      formatBytes(result.heapBefore),
      formatBytes(result.heapAfter),
      formatBytes(result.perClient),
      `< ${target}`,
      verdict(result.perClient < HEAP_TARGET_BYTES_PER_CLIENT),
      formatBytes(result.externalPerClient),
    ]),
    notes: [
      `heapUsed after forced full GCs, median of ${READINGS} readings, in the server's own process;`,
      `the ${SEEDED_BOARD_NOTES.toLocaleString('en-US')}-note board is loaded in both readings. External memory (socket buffers`,
      'outside the JS heap) is shown for information only.',
    ],
    // The target is ours; the reference's row is there to compare with.
    checks: results
      .filter((result) => result.kind === 'ours')
      .map((result) => ({
        section: '2. heap',
        what: `heap per idle client (reference: ${formatBytes(results[0]!.perClient)})`,
        measured: formatBytes(result.perClient),
        target: `< ${target}`,
        pass: result.perClient < HEAP_TARGET_BYTES_PER_CLIENT,
      })),
    data: results,
  };
}
