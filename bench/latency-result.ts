import type { ServerKind } from './lib/server-process';
import type { Summary } from './lib/stats';

/** What the latency section measured, apart from how it measured it (latency.ts) and how it
 * reports it (latency-report.ts), so each of those reads this and neither the other. */
export interface LatencyResult {
  server: ServerKind;
  clients: number;
  moves: number;
  rounds: number;
  /** One sample per (measured move, receiver), all rounds pooled. */
  delaysMs: Summary;
  /** Server CPU time per move, warm-up moves included, in ms. */
  serverCpuMsPerMove: number;
}

/** One case measured on every server. */
export type LatencyCaseResult = Record<ServerKind, LatencyResult>;
