/**
 * The nine blocks of the Business Model Canvas, in the classic layout (see shared DOMAIN.md).
 * Their display names live in lib/i18n; ids are stable and stored in documents.
 */
export const BLOCK_IDS = [
  'keyPartners',
  'keyActivities',
  'keyResources',
  'valuePropositions',
  'customerRelationships',
  'channels',
  'customerSegments',
  'costStructure',
  'revenueStreams',
] as const;

export type BlockId = (typeof BLOCK_IDS)[number];

const BLOCK_ID_SET: ReadonlySet<string> = new Set(BLOCK_IDS);

export function isBlockId(value: unknown): value is BlockId {
  return typeof value === 'string' && BLOCK_ID_SET.has(value);
}
