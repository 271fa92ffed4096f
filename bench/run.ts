/**
 * `npm run bench`: our sync server against the reference @y/websocket-server 0.1.1 and
 * Hocuspocus 4.7 on the same load, and our store's load time and disk use. Prints one table
 * per section and a summary, and writes the figures to bench/results/latest.json.
 *
 *   BENCH_QUICK=1                 a smaller run (a smoke test of the suite)
 *   BENCH_ONLY=latency,heap,...   run some sections only (latency, heap, storeLoad, storeSize,
 *                                 insights, frameTime, and the scale-out ones: crossProcess,
 *                                 clusterCpu, pgThroughput, capacity, which start PostgreSQL
 *                                 and Redis from Debian's packages on loopback)
 *   BENCH_LATENCY_CLIENTS=2,50    run only those latency cases (2, 50, 200; quick: 2, 20)
 *   BENCH_SERVER_NODE_ARGS=...    extra node flags for the server processes (e.g. --cpu-prof)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { runCapacity } from './capacity';
import { runClusterCpu } from './cluster-cpu';
import { runCrossProcess } from './cross-process';
import { runFrameTime } from './frame-time';
import { runPgThroughput } from './pg-throughput';
import { runHeap } from './heap';
import { runInsights } from './insights';
import { runLatency } from './latency';
import { Cleanup } from './lib/cleanup';
import { collectBenchGarbage } from './lib/gc';
import { QUICK } from './lib/mode';
import { formatSection, formatTable, verdict, type Check, type SectionResult } from './lib/report';
import {
  SERVER_KINDS,
  startBenchServer,
  type BenchServer,
  type ServerKind,
} from './lib/server-process';
import { runStoreLoad } from './store-load';
import { runStoreSize } from './store-size';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const RESULTS_FILE = `${RESULTS_DIR}latest.json`;

/**
 * A 1-minute load average above this when the bench starts (a core's worth of other work on
 * this 2-core machine) means other processes compete with it: the run still happens, with a
 * warning, since timings then carry that noise.
 */
const BUSY_LOAD_AVERAGE = 1;

type SectionId =
  | 'latency'
  | 'heap'
  | 'storeLoad'
  | 'storeSize'
  | 'insights'
  | 'frameTime'
  | 'crossProcess'
  | 'clusterCpu'
  | 'pgThroughput'
  | 'capacity';

const SECTIONS: Record<SectionId, (cleanup: Cleanup) => Promise<SectionResult>> = {
  latency: async (cleanup) => {
    const started: BenchServer[] = [];
    try {
      for (const kind of SERVER_KINDS) started.push(await startBenchServer(kind, cleanup));
      const servers = Object.fromEntries(started.map((server) => [server.kind, server]));
      return await runLatency(servers as Record<ServerKind, BenchServer>);
    } finally {
      for (const server of started) await server.close();
    }
  },
  heap: runHeap,
  storeLoad: runStoreLoad,
  storeSize: runStoreSize,
  insights: runInsights,
  frameTime: runFrameTime,
  crossProcess: runCrossProcess,
  clusterCpu: runClusterCpu,
  pgThroughput: runPgThroughput,
  capacity: runCapacity,
};

function selectedSections(): SectionId[] {
  const all = Object.keys(SECTIONS) as SectionId[];
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  if (!only) return all;
  const unknown = only.filter((name) => !all.includes(name as SectionId));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; use ${all.join(', ')}`);
  return all.filter((id) => only.includes(id));
}

interface SectionRecord {
  id: SectionId;
  seconds: number;
  /** 1-minute load average when the section started and ended. */
  loadAverage: { start: number; end: number };
  result?: SectionResult;
  error?: string;
}

function printSummary(records: readonly SectionRecord[], totalSeconds: number): void {
  const checks: Check[] = records.flatMap((record) => record.result?.checks ?? []);
  const errors = records.filter((record) => record.error);
  console.log('\n== Summary ==');
  console.log(
    formatTable(
      ['section', 'what', 'measured', 'target', 'result'],
      [
        ...checks.map((c) => [c.section, c.what, c.measured, c.target, verdict(c.pass)]),
        ...errors.map((record) => [record.id, 'did not complete', record.error!, '', 'ERROR']),
      ],
    ),
  );
  const passed = checks.filter((check) => check.pass).length;
  console.log(
    `\n${passed}/${checks.length} targets met${errors.length ? `, ${errors.length} section(s) failed to run` : ''}; ` +
      `${QUICK ? 'QUICK run (BENCH_QUICK=1), not the full sizes; ' : ''}` +
      `took ${totalSeconds.toFixed(0)} s (${records.map((r) => `${r.id} ${r.seconds.toFixed(0)} s`).join(', ')}).`,
  );
}

async function writeResults(
  records: readonly SectionRecord[],
  startedAt: Date,
  totalSeconds: number,
  loadAverage: { start: number; end: number },
) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const checks = records.flatMap((record) => record.result?.checks ?? []);
  const json = {
    startedAt: startedAt.toISOString(),
    quick: QUICK,
    node: process.version,
    cpus: cpus().length,
    loadAverage,
    totalSeconds,
    allTargetsMet: records.every((r) => !r.error) && checks.every((check) => check.pass),
    checks,
    sections: Object.fromEntries(
      records.map((record) => [
        record.id,
        {
          title: record.result?.title,
          seconds: record.seconds,
          loadAverage: record.loadAverage,
          error: record.error,
          data: record.result?.data,
        },
      ]),
    ),
  };
  // Written as Prettier formats it, so `prettier --check .` passes with the file present
  // (Prettier reads the root .gitignore only, not bench/.gitignore).
  const options = await resolveConfig(RESULTS_FILE);
  writeFileSync(RESULTS_FILE, await format(JSON.stringify(json), { ...options, parser: 'json' }));
}

async function main(): Promise<number> {
  const sections = selectedSections();
  const cleanup = new Cleanup();
  cleanup.onSignals();
  const startedAt = new Date();
  const start = performance.now();
  const [loadAtStart] = loadavg();
  console.log(
    `Lienzo bench ${QUICK ? '(QUICK) ' : ''}- ${startedAt.toISOString()} - node ${process.version}, ` +
      `${cpus().length} cores, load average ${loadAtStart!.toFixed(2)}`,
  );
  if (loadAtStart! > BUSY_LOAD_AVERAGE)
    console.log(
      `Warning: other processes are using the CPU (1-min load ${loadAtStart!.toFixed(2)}); latency figures will be noisy.`,
    );
  const records: SectionRecord[] = [];
  try {
    for (const id of sections) {
      console.error(`\n[bench] running ${id}...`);
      const sectionStart = performance.now();
      const record: SectionRecord = {
        id,
        seconds: 0,
        loadAverage: { start: loadavg()[0]!, end: 0 },
      };
      try {
        record.result = await SECTIONS[id](cleanup);
        console.log(`\n${formatSection(record.result)}`);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        console.error(`[bench] ${id} failed:`, error);
      }
      record.seconds = (performance.now() - sectionStart) / 1000;
      record.loadAverage.end = loadavg()[0]!;
      console.log(
        `  ${new Date().toISOString()}: ${id} took ${record.seconds.toFixed(0)} s, 1-min load average ${record.loadAverage.start.toFixed(2)} at its start, ${record.loadAverage.end.toFixed(2)} at its end.`,
      );
      records.push(record);
      // Each section starts on a clean heap, whatever the previous one left to collect.
      collectBenchGarbage();
    }
  } finally {
    await cleanup.runAll();
  }
  const totalSeconds = (performance.now() - start) / 1000;
  printSummary(records, totalSeconds);
  const [loadAtEnd] = loadavg();
  console.log(
    `1-min load average at start ${loadAtStart!.toFixed(2)}, at end ${loadAtEnd!.toFixed(2)} (this bench's own processes included).`,
  );
  await writeResults(records, startedAt, totalSeconds, { start: loadAtStart!, end: loadAtEnd! });
  console.log(`Results written to ${RESULTS_FILE}`);
  // Targets missed are reported, not an error; a section that could not run is.
  return records.some((record) => record.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
