/**
 * The Relationships overview and the coherence warnings on a big board: how long computing
 * both takes for a 2,000-note board with 500 relationships (issue target: under 10 ms).
 * They run on every board change, in the browser's main thread, so they must stay cheap.
 *
 * The board is built as NoteRecords, the way the board reader hands them to React: 50
 * segments, 30 channels, 500 labelled relationships linked to them (with the gaps a real
 * board has: some without a stage, a segment, a channel or a cost period) and the rest spread
 * over the other six blocks. Timed after a warm-up, over 50 runs, each run computing the
 * overview and the warnings separately (no shared index), as the view would without care.
 *
 * Run on its own with `npx tsx bench/insights.ts`.
 */
import { fileURLToPath } from 'node:url';
import { computeOverview } from '../lib/insights/overview';
import { computeWarnings } from '../lib/insights/warnings';
import {
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  MOTIVATIONS,
  RELATIONSHIP_TYPES,
  STATUSES,
  TYPE_DEFAULTS,
  type BlockId,
  type NoteId,
  type NoteRecord,
  type RelationshipFields,
} from '../lib/model';
import { formatCount, formatMs, formatSection, verdict, type SectionResult } from './lib/report';
import { randomInt, seededRandom } from './lib/random';
import { percentile } from './lib/stats';

export const INSIGHTS_NOTES = 2_000;
export const INSIGHTS_RELATIONSHIPS = 500;
export const INSIGHTS_SEGMENTS = 50;
export const INSIGHTS_CHANNELS = 30;
/** Untimed runs first, so the JIT has compiled (and optimised) the code being measured. */
export const INSIGHTS_WARMUP_RUNS = 100;
export const INSIGHTS_RUNS = 50;
/** The target for overview + warnings on this board, in ms. */
export const INSIGHTS_TARGET_MS = 10;

const OTHER_BLOCKS: readonly BlockId[] = [
  'keyPartners',
  'keyActivities',
  'keyResources',
  'valuePropositions',
  'costStructure',
  'revenueStreams',
];
const CURRENCIES = ['EUR', 'USD', 'MXN'] as const;

function noteAt(index: number, block: BlockId, text: string): NoteRecord {
  return {
    id: `note_${String(index).padStart(16, '0')}` as NoteId,
    block,
    x: (index * 37) % 3000,
    y: (index * 53) % 2000,
    width: 160,
    height: 110,
    color: 'yellow',
    z: index,
    author: 'Bench',
    createdAt: 1_700_000_000_000 + index,
    text,
    relationship: {},
    links: { channels: [], segments: [] },
  };
}

/** Picks `count` distinct ids from `pool`. */
function pick(random: () => number, pool: readonly NoteId[], count: number): NoteId[] {
  const chosen = new Set<NoteId>();
  while (chosen.size < count) chosen.add(pool[randomInt(random, pool.length)]!);
  return [...chosen].sort();
}

export function buildInsightsBoard(seed = 42): NoteRecord[] {
  const random = seededRandom(seed);
  const oneOf = <T>(values: readonly T[]): T => values[randomInt(random, values.length)]!;
  const sometimes = (probability: number) => random() < probability;
  const notes: NoteRecord[] = [];
  let index = 0;
  for (let i = 0; i < INSIGHTS_SEGMENTS; i += 1)
    notes.push(noteAt(index++, 'customerSegments', `Segment ${i}: small offices, city ${i}`));
  for (let i = 0; i < INSIGHTS_CHANNELS; i += 1)
    notes.push(noteAt(index++, 'channels', `Channel ${i}: newsletter and web shop`));
  const segmentIds = notes.filter((n) => n.block === 'customerSegments').map((n) => n.id);
  const channelIds = notes.filter((n) => n.block === 'channels').map((n) => n.id);

  for (let i = 0; i < INSIGHTS_RELATIONSHIPS; i += 1) {
    const type = oneOf(RELATIONSHIP_TYPES);
    const labels: Partial<RelationshipFields> = {
      type,
      ...TYPE_DEFAULTS[type],
      motivation: oneOf(MOTIVATIONS),
      status: oneOf(STATUSES),
      hypothesis: oneOf(HYPOTHESIS_STATES),
    };
    if (sometimes(0.9)) labels.stage = oneOf(FUNNEL_STAGES);
    if (sometimes(0.7)) {
      labels.costAmount = Math.round(random() * 500_00) / 100;
      labels.costCurrency = oneOf(CURRENCIES);
      if (sometimes(0.9)) labels.costPeriod = oneOf(COST_PERIODS);
    }
    notes.push({
      ...noteAt(index++, 'customerRelationships', `Relationship ${i}: ${type} support`),
      relationship: labels,
      links: {
        // Most serve one or two segments over one or two channels; some forget a link.
        segments: sometimes(0.9) ? pick(random, segmentIds, 1 + randomInt(random, 2)) : [],
        channels: sometimes(0.85) ? pick(random, channelIds, 1 + randomInt(random, 2)) : [],
      },
    });
  }
  while (index < INSIGHTS_NOTES) notes.push(noteAt(index++, oneOf(OTHER_BLOCKS), 'Other note'));
  return notes;
}

export async function benchInsights(): Promise<{
  notes: number;
  relationships: number;
  p50Ms: number;
  p95Ms: number;
}> {
  const notes = buildInsightsBoard();
  let sink = 0; // keeps the results alive, so nothing is optimised away
  const run = () => {
    const overview = computeOverview(notes);
    const warnings = computeWarnings(notes);
    sink += overview.relationshipCount + warnings.length;
  };
  for (let i = 0; i < INSIGHTS_WARMUP_RUNS; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < INSIGHTS_RUNS; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  if (sink === 0) throw new Error('the insights bench computed nothing');
  return {
    notes: notes.length,
    relationships: notes.filter((n) => n.block === 'customerRelationships').length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
  };
}

/** The section of `npm run bench`. */
export async function runInsights(): Promise<SectionResult> {
  const result = await benchInsights();
  const pass = result.p95Ms < INSIGHTS_TARGET_MS;
  const target = `< ${INSIGHTS_TARGET_MS} ms`;
  return {
    id: 'insights',
    title: `5. Relationships overview and warnings, computed on a ${formatCount(result.notes)}-note board`,
    headers: ['notes', 'relationships', 'p50', 'p95', 'target (p95)', 'result'],
    rows: [
      [
        formatCount(result.notes),
        formatCount(result.relationships),
        formatMs(result.p50Ms),
        formatMs(result.p95Ms),
        target,
        verdict(pass),
      ],
    ],
    notes: [
      `computeOverview + computeWarnings on the board's records, ${INSIGHTS_RUNS} timed runs after ${INSIGHTS_WARMUP_RUNS} warm-up runs,`,
      `in this process; ${INSIGHTS_SEGMENTS} segments and ${INSIGHTS_CHANNELS} channels, some relationships unlinked on purpose.`,
    ],
    checks: [
      {
        section: '5. insights',
        what: `overview + warnings, ${formatCount(result.notes)} notes`,
        measured: `p95 ${formatMs(result.p95Ms)}`,
        target,
        pass,
      },
    ],
    data: result,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void runInsights().then((section) => console.log(formatSection(section)));
}
