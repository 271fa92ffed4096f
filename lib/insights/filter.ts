import {
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  MOTIVATIONS,
  RELATIONSHIP_TYPES,
  STATUSES,
  type FunnelStage,
  type HypothesisState,
  type Motivation,
  type NoteId,
  type NoteRecord,
  type RelationshipLabels,
  type RelationshipStatus,
  type RelationshipType,
} from '../model';

/**
 * Focus (issue part 6): highlight the relationships that match a filter, and fade the rest.
 *
 * The rules, in one place:
 * - Within a dimension the chosen values are alternatives (type remote OR automated); across
 *   dimensions they all apply (remote or automated, AND at the retention stage).
 * - A dimension with nothing chosen does not filter; an empty filter highlights everything.
 * - A relationship whose label is unset does not match a dimension that filters on it.
 * - Only notes in the Customer Relationships block match by their labels (labels kept on a
 *   note moved out of the block mean nothing there).
 * - Context stays visible: a Customer Segments or Channels note stays highlighted when a
 *   matching relationship links to it, and a segment chosen in the filter always stays
 *   highlighted (it is what the team is looking at, even when nothing serves it yet).
 * - Every other note fades while a filter is active.
 */
export interface BoardFilter {
  readonly types?: readonly RelationshipType[];
  readonly stages?: readonly FunnelStage[];
  readonly motivations?: readonly Motivation[];
  /** Customer Segments notes: a relationship matches when it links to one of them. */
  readonly segments?: readonly NoteId[];
  readonly statuses?: readonly RelationshipStatus[];
  readonly hypotheses?: readonly HypothesisState[];
}

export type FilterDimension = keyof BoardFilter;
type FilterValue<D extends FilterDimension> = NonNullable<BoardFilter[D]>[number];

export const EMPTY_FILTER: BoardFilter = {};

/** The dimensions in the order the filter bar shows them. */
export const FILTER_DIMENSIONS = [
  'types',
  'stages',
  'motivations',
  'segments',
  'statuses',
  'hypotheses',
] as const satisfies readonly FilterDimension[];

/** The values offered for each dimension but segments (those are the board's own notes). */
export const FILTER_VALUES = {
  types: RELATIONSHIP_TYPES,
  stages: FUNNEL_STAGES,
  motivations: MOTIVATIONS,
  statuses: STATUSES,
  hypotheses: HYPOTHESIS_STATES,
} as const satisfies { [D in Exclude<FilterDimension, 'segments'>]: readonly FilterValue<D>[] };

/** The label field each labelled dimension filters on. */
const LABEL_OF = {
  types: 'type',
  stages: 'stage',
  motivations: 'motivation',
  statuses: 'status',
  hypotheses: 'hypothesis',
} as const satisfies { [D in Exclude<FilterDimension, 'segments'>]: keyof RelationshipLabels };

const LABELLED_DIMENSIONS = Object.keys(LABEL_OF) as (keyof typeof LABEL_OF)[];

export function isFilterActive(filter: BoardFilter): boolean {
  return FILTER_DIMENSIONS.some((dimension) => (filter[dimension]?.length ?? 0) > 0);
}

/** Adds the value to the dimension, or removes it when it is already chosen. */
export function toggleFilterValue<D extends FilterDimension>(
  filter: BoardFilter,
  dimension: D,
  value: FilterValue<D>,
): BoardFilter {
  const current = (filter[dimension] ?? []) as readonly FilterValue<D>[];
  const next = current.includes(value)
    ? current.filter((chosen) => chosen !== value)
    : [...current, value];
  const { [dimension]: _removed, ...rest } = filter;
  return next.length > 0 ? { ...rest, [dimension]: next } : rest;
}

/** Whether a relationship note's labels and links pass every active dimension. */
export function relationshipMatches(note: NoteRecord, filter: BoardFilter): boolean {
  if (note.block !== 'customerRelationships') return false;
  for (const dimension of LABELLED_DIMENSIONS) {
    const chosen = filter[dimension] as readonly string[] | undefined;
    if (!chosen || chosen.length === 0) continue;
    const value = note.relationship[LABEL_OF[dimension]];
    if (value === undefined || !chosen.includes(value)) return false;
  }
  const segments = filter.segments;
  if (segments && segments.length > 0)
    return note.links.segments.some((id) => segments.includes(id));
  return true;
}

/** What matchesFilter needs to know about the rest of the board; build it once per filter. */
export interface FilterContext {
  /** Segments and channels linked from a matching relationship, and the chosen segments. */
  readonly linked: ReadonlySet<NoteId>;
}

export function filterContext(notes: readonly NoteRecord[], filter: BoardFilter): FilterContext {
  const linked = new Set<NoteId>(filter.segments ?? []);
  if (!isFilterActive(filter)) return { linked };
  for (const note of notes) {
    if (!relationshipMatches(note, filter)) continue;
    for (const id of note.links.segments) linked.add(id);
    for (const id of note.links.channels) linked.add(id);
  }
  return { linked };
}

/**
 * Whether a note stays highlighted under the filter (see the rules above). The context comes
 * from filterContext(notes, filter) for the same notes and filter.
 */
export function matchesFilter(
  note: NoteRecord,
  filter: BoardFilter,
  { linked }: FilterContext,
): boolean {
  if (!isFilterActive(filter)) return true;
  if (note.block === 'customerRelationships') return relationshipMatches(note, filter);
  if (note.block === 'customerSegments' || note.block === 'channels') return linked.has(note.id);
  return false;
}

/** The ids of every highlighted note, or null when no filter is active (nothing fades). */
export function highlightedNotes(
  notes: readonly NoteRecord[],
  filter: BoardFilter,
): ReadonlySet<NoteId> | null {
  if (!isFilterActive(filter)) return null;
  const context = filterContext(notes, filter);
  const highlighted = new Set<NoteId>();
  for (const note of notes) if (matchesFilter(note, filter, context)) highlighted.add(note.id);
  return highlighted;
}
