/**
 * The latency section's table and targets (issue 11): at every size, our p99 at most the best
 * p99 of the other servers, and our server CPU per move at most the reference server's.
 */
import type { LatencyCaseResult, LatencyResult } from './latency-result';
import { formatCount, formatMs, verdict, type Check, type SectionResult } from './lib/report';
import { SEEDED_BOARD_NOTES } from './lib/seeded-board';
import type { ServerKind } from './lib/server-process';

/** Our p99 over the best of the other servers' p99: at most 1, "at or below the best". */
export const P99_RATIO_TARGET = 1;
/** Our server CPU per move over the reference server's: at most 1. */
export const CPU_RATIO_TARGET = 1;

/** The servers we are compared with, in the table's order. */
const OTHERS = ['reference', 'hocuspocus'] as const satisfies readonly ServerKind[];
const SHORT: Record<ServerKind, string> = { reference: 'ref', hocuspocus: 'hocus', ours: 'ours' };

/** The other server with the lowest p99 in this case. */
function bestOther(result: LatencyCaseResult): LatencyResult {
  return OTHERS.map((kind) => result[kind]).reduce((best, other) =>
    other.delaysMs.p99 < best.delaysMs.p99 ? other : best,
  );
}

function p99Ratio(result: LatencyCaseResult): number {
  return result.ours.delaysMs.p99 / bestOther(result).delaysMs.p99;
}

function cpuRatio(result: LatencyCaseResult): number {
  return result.ours.serverCpuMsPerMove / result.reference.serverCpuMsPerMove;
}

const ratioText = (ratio: number) => `${ratio.toFixed(2)}x`;

function row(result: LatencyCaseResult): string[] {
  const { ours } = result;
  const order = [...OTHERS, 'ours'] as const;
  return [
    String(ours.clients),
    `${formatCount(ours.moves)} in ${ours.rounds}`,
    formatCount(ours.delaysMs.count),
    ...order.flatMap((kind) => [
      formatMs(result[kind].delaysMs.p50),
      formatMs(result[kind].delaysMs.p99),
    ]),
    `${ratioText(p99Ratio(result))} ${SHORT[bestOther(result).server]}`,
    verdict(p99Ratio(result) <= P99_RATIO_TARGET),
    order.map((kind) => formatMs(result[kind].serverCpuMsPerMove)).join(' / '),
    verdict(cpuRatio(result) <= CPU_RATIO_TARGET),
  ];
}

function checks(result: LatencyCaseResult): Check[] {
  const { ours, reference } = result;
  const best = bestOther(result);
  return [
    {
      section: '1. latency',
      what: `p99, ${ours.clients} clients, ours / best other (${SHORT[best.server]})`,
      measured: `${ratioText(p99Ratio(result))} (${formatMs(ours.delaysMs.p99)} vs ${formatMs(best.delaysMs.p99)})`,
      target: `<= ${ratioText(P99_RATIO_TARGET)}`,
      pass: p99Ratio(result) <= P99_RATIO_TARGET,
    },
    {
      section: '1. latency',
      what: `server CPU per move, ${ours.clients} clients, ours / reference`,
      measured: `${ratioText(cpuRatio(result))} (${formatMs(ours.serverCpuMsPerMove)} vs ${formatMs(reference.serverCpuMsPerMove)})`,
      target: `<= ${ratioText(CPU_RATIO_TARGET)}`,
      pass: cpuRatio(result) <= CPU_RATIO_TARGET,
    },
  ];
}

export function latencySection(
  results: readonly LatencyCaseResult[],
  { notes }: { notes: string[] },
): SectionResult {
  const order = [...OTHERS, 'ours'] as const;
  return {
    id: 'latency',
    title: `1. Note move delivery delay, ${formatCount(SEEDED_BOARD_NOTES)}-note board (ours vs reference and Hocuspocus)`,
    headers: [
      'clients',
      'moves in rounds',
      'samples/server',
      ...order.flatMap((kind) => [`${SHORT[kind]} p50`, `${SHORT[kind]} p99`]),
      'p99 ours/best',
      `<= ${ratioText(P99_RATIO_TARGET)}`,
      `CPU/move ${order.map((kind) => SHORT[kind]).join(' / ')}`,
      'ours <= ref',
    ],
    rows: results.map(row),
    notes,
    checks: results.flatMap(checks),
    data: results,
  };
}
