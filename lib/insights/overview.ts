import {
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  STATUSES,
  type CostPeriod,
  type FunnelStage,
  type HypothesisState,
  type NoteId,
  type NoteRecord,
  type RelationshipStatus,
} from '../model';
import { indexBoard, type BoardIndex, type IndexedRelationship } from './board-index';

/**
 * The Customer Relationships block seen as a whole (issue part 4): which relationship serves
 * which segment at which funnel stage, what they cost, what exists against what is planned,
 * and how far the hypotheses have been tested. A pure function of the board's records,
 * returning plain serialisable data that names notes by id, so the view can select them.
 */

/** Column of a relationship without a funnel stage. */
export const NO_STAGE = 'none';
export type StageColumn = FunnelStage | typeof NO_STAGE;
/** The matrix's columns, in funnel order, then the relationships without a stage. */
export const STAGE_COLUMNS: readonly StageColumn[] = [...FUNNEL_STAGES, NO_STAGE];

/** Bucket of the relationships without a status or without a hypothesis state. */
export const NOT_SET = 'none';
export type StatusBucket = RelationshipStatus | typeof NOT_SET;
export type HypothesisBucket = HypothesisState | typeof NOT_SET;
export const STATUS_BUCKETS: readonly StatusBucket[] = [...STATUSES, NOT_SET];
export const HYPOTHESIS_BUCKETS: readonly HypothesisBucket[] = [...HYPOTHESIS_STATES, NOT_SET];

/** One row of the matrix and of the cost table: a segment note, or null for "no segment". */
export interface SegmentRow {
  /** The segment note, or null for the relationships linked to no (existing) segment. */
  readonly segmentId: NoteId | null;
  /** The segment note's text ('' for the "no segment" row). */
  readonly text: string;
}

export interface MatrixRow extends SegmentRow {
  /** Relationship ids in each column, in reading order. */
  readonly cells: Readonly<Record<StageColumn, readonly NoteId[]>>;
}

/** A sum of costs in one currency over one period: never mixed with another currency or period. */
export interface CostLine {
  /** ISO 4217 code, e.g. 'EUR'. */
  readonly currency: string;
  readonly period: CostPeriod;
  readonly amount: number;
  /** The relationships whose costs make up the amount, in reading order. */
  readonly relationshipIds: readonly NoteId[];
}

export interface SegmentCosts extends SegmentRow {
  /** Sorted by currency, then by period in COST_PERIODS order. */
  readonly lines: readonly CostLine[];
}

export interface RelationshipOverview {
  readonly relationshipCount: number;
  readonly segmentCount: number;
  readonly channelCount: number;
  /**
   * Segments × funnel stages: one row per segment note in reading order, then the "no
   * segment" row (always last, always present, possibly empty). A relationship linked to two
   * segments is listed in both rows.
   */
  readonly matrix: readonly MatrixRow[];
  /** How many relationships work on each stage (each counted once, whatever its segments). */
  readonly coverage: Readonly<Record<StageColumn, number>>;
  readonly costs: {
    /** Segments (then "no segment") that have at least one summed cost, in matrix order. */
    readonly bySegment: readonly SegmentCosts[];
    /** The whole block: each relationship counted once, even when it serves several segments. */
    readonly totals: readonly CostLine[];
    /**
     * Relationships with an amount but no currency or no period: left out of every sum,
     * since adding them would mean guessing (the warnings name them).
     */
    readonly unsummed: readonly NoteId[];
  };
  /** Current against planned (and neither): relationship ids in reading order; count = length. */
  readonly status: Readonly<Record<StatusBucket, readonly NoteId[]>>;
  /** Relationships by hypothesis state (and not set), in reading order; count = length. */
  readonly hypotheses: Readonly<Record<HypothesisBucket, readonly NoteId[]>>;
}

function emptyRecord<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of keys) record[key] = make();
  return record;
}

interface MutableCostLine {
  currency: string;
  period: CostPeriod;
  amount: number;
  relationshipIds: NoteId[];
}

/** Cost lines keyed by "currency period", summed as relationships come. */
class CostSums {
  private readonly lines = new Map<string, MutableCostLine>();

  add(currency: string, period: CostPeriod, amount: number, id: NoteId): void {
    const key = `${currency} ${period}`;
    const line = this.lines.get(key);
    if (line) {
      line.amount += amount;
      line.relationshipIds.push(id);
    } else {
      this.lines.set(key, { currency, period, amount, relationshipIds: [id] });
    }
  }

  sorted(): CostLine[] {
    return [...this.lines.values()].sort(
      (a, b) =>
        (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0) ||
        COST_PERIODS.indexOf(a.period) - COST_PERIODS.indexOf(b.period),
    );
  }
}

/** A cost that can be summed: amount, currency and period all set. */
function summableCost({ note }: IndexedRelationship) {
  const { costAmount, costCurrency, costPeriod } = note.relationship;
  if (costAmount === undefined || costCurrency === undefined || costPeriod === undefined)
    return null;
  return { amount: costAmount, currency: costCurrency, period: costPeriod };
}

/**
 * Computes the overview in one pass over the relationships (plus one to index the board).
 * Pass `index` when the warnings are computed from the same records, to index only once.
 */
export function computeOverview(
  notes: readonly NoteRecord[],
  index: BoardIndex = indexBoard(notes),
): RelationshipOverview {
  const newCells = () => emptyRecord(STAGE_COLUMNS, (): NoteId[] => []);
  const rows = index.segments.map((note) => ({
    segmentId: note.id as NoteId | null,
    text: note.text,
    cells: newCells(),
    costs: new CostSums(),
  }));
  const unassigned = { segmentId: null, text: '', cells: newCells(), costs: new CostSums() };
  const rowOf = new Map(rows.map((row) => [row.segmentId, row]));
  rows.push(unassigned);

  const coverage = emptyRecord(STAGE_COLUMNS, () => 0);
  const totals = new CostSums();
  const unsummed: NoteId[] = [];
  const status = emptyRecord(STATUS_BUCKETS, (): NoteId[] => []);
  const hypotheses = emptyRecord(HYPOTHESIS_BUCKETS, (): NoteId[] => []);

  for (const relationship of index.relationships) {
    const { id, relationship: labels } = relationship.note;
    const column = labels.stage ?? NO_STAGE;
    const cost = summableCost(relationship);
    const segmentRows =
      relationship.segments.length === 0
        ? [unassigned]
        : relationship.segments.map((segmentId) => rowOf.get(segmentId) ?? unassigned);
    for (const row of segmentRows) {
      row.cells[column].push(id);
      if (cost) row.costs.add(cost.currency, cost.period, cost.amount, id);
    }
    coverage[column] += 1;
    // A relationship serving several segments is in full in each of their rows (that is what
    // each segment costs), but counted once here: it is paid for once.
    if (cost) totals.add(cost.currency, cost.period, cost.amount, id);
    else if (labels.costAmount !== undefined) unsummed.push(id);
    status[labels.status ?? NOT_SET].push(id);
    hypotheses[labels.hypothesis ?? NOT_SET].push(id);
  }

  const bySegment: SegmentCosts[] = [];
  for (const row of rows) {
    const lines = row.costs.sorted();
    if (lines.length > 0) bySegment.push({ segmentId: row.segmentId, text: row.text, lines });
  }
  return {
    relationshipCount: index.relationships.length,
    segmentCount: index.segments.length,
    channelCount: index.channels.length,
    matrix: rows.map(({ segmentId, text, cells }) => ({ segmentId, text, cells })),
    coverage,
    costs: { bySegment, totals: totals.sorted(), unsummed },
    status,
    hypotheses,
  };
}
