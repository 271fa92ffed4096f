import { FUNNEL_STAGES, type FunnelStage, type NoteId, type NoteRecord } from '../model';
import { indexBoard, type BoardIndex } from './board-index';

/**
 * What is missing (issue part 5): coherence between the relationships and the blocks they
 * serve and run over, computed live from the board's records. Each warning names the note to
 * show, except an empty funnel stage, which has no note.
 */

/** The kinds, in the order the list shows them. */
export const WARNING_KINDS = [
  'relationshipWithoutChannel',
  'relationshipWithoutSegment',
  'segmentWithoutRelationship',
  'channelUnused',
  'stageEmpty',
  'costWithoutPeriod',
  'costWithoutCurrency',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export type CoherenceWarning =
  | { readonly kind: Exclude<WarningKind, 'stageEmpty'>; readonly noteId: NoteId }
  | { readonly kind: 'stageEmpty'; readonly noteId: null; readonly stage: FunnelStage };

/**
 * Every warning on the board, sorted by kind (WARNING_KINDS order), then by the notes'
 * reading order (stages in funnel order). Pass `index` to share it with computeOverview.
 */
export function computeWarnings(
  notes: readonly NoteRecord[],
  index: BoardIndex = indexBoard(notes),
): CoherenceWarning[] {
  const byKind = new Map<WarningKind, CoherenceWarning[]>(WARNING_KINDS.map((k) => [k, []]));
  const add = (warning: CoherenceWarning) => byKind.get(warning.kind)!.push(warning);

  const servedSegments = new Set<NoteId>();
  const usedChannels = new Set<NoteId>();
  const coveredStages = new Set<FunnelStage>();
  for (const { note, segments, channels } of index.relationships) {
    const noteId = note.id;
    const { stage, costAmount, costCurrency, costPeriod } = note.relationship;
    for (const id of segments) servedSegments.add(id);
    for (const id of channels) usedChannels.add(id);
    if (stage) coveredStages.add(stage);
    if (channels.length === 0) add({ kind: 'relationshipWithoutChannel', noteId });
    if (segments.length === 0) add({ kind: 'relationshipWithoutSegment', noteId });
    if (costAmount !== undefined && costPeriod === undefined)
      add({ kind: 'costWithoutPeriod', noteId });
    if (costAmount !== undefined && costCurrency === undefined)
      add({ kind: 'costWithoutCurrency', noteId });
  }
  for (const { id } of index.segments)
    if (!servedSegments.has(id)) add({ kind: 'segmentWithoutRelationship', noteId: id });
  for (const { id } of index.channels)
    if (!usedChannels.has(id)) add({ kind: 'channelUnused', noteId: id });
  // An empty block has no stage warnings: its guiding question already says what to do, and
  // five "nothing at this stage" lines on a block nobody has started yet would only be noise.
  // Once one relationship exists, the gaps in the funnel are a real question (DOMAIN.md).
  if (index.relationships.length > 0) {
    for (const stage of FUNNEL_STAGES)
      if (!coveredStages.has(stage)) add({ kind: 'stageEmpty', noteId: null, stage });
  }
  return WARNING_KINDS.flatMap((kind) => byKind.get(kind)!);
}

/** A key unique among a board's warnings (for React lists). */
export function warningKey(warning: CoherenceWarning): string {
  return `${warning.kind}:${warning.kind === 'stageEmpty' ? warning.stage : warning.noteId}`;
}
