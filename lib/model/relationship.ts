import { isNoteId, type NoteId } from './ids';
import {
  AUDIENCES,
  BONDS,
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  INTIMACIES,
  MODES,
  MOTIVATIONS,
  RELATIONSHIP_TYPES,
  STATUSES,
  relationshipFieldsSchema,
  type RelationshipFields,
} from './records/relationship';

/**
 * The labels of a Customer Relationships note: declared in lib/model/records/relationship.ts,
 * their English and Spanish names in lib/i18n. Every field is optional.
 */
export {
  AUDIENCES,
  BONDS,
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  INTIMACIES,
  MAX_COST_AMOUNT,
  MAX_EVIDENCE_LENGTH,
  MODES,
  MOTIVATIONS,
  RELATIONSHIP_TYPES,
  STATUSES,
  type RelationshipFields,
} from './records/relationship';

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export type Mode = (typeof MODES)[number];
export type Bond = (typeof BONDS)[number];
export type Intimacy = (typeof INTIMACIES)[number];
export type Motivation = (typeof MOTIVATIONS)[number];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type CostPeriod = (typeof COST_PERIODS)[number];
export type RelationshipStatus = (typeof STATUSES)[number];
export type HypothesisState = (typeof HYPOTHESIS_STATES)[number];

/** Currencies offered in the panel first; any ISO 4217 code (three capitals) is accepted. */
export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'MXN', 'ARS', 'COP', 'CLP', 'PEN'] as const;
/** Links per note: generous for a canvas, and a bound on what one hostile peer can add. */
export const MAX_LINKS = 50;

export type RelationshipLabels = Readonly<Partial<RelationshipFields>>;

/** Links from a relationship note to the notes of other blocks it runs over and serves. */
export interface RelationshipLinks {
  /** Notes of the Channels block. */
  readonly channels: readonly NoteId[];
  /** Notes of the Customer Segments block. */
  readonly segments: readonly NoteId[];
}

export type LinkKind = keyof RelationshipLinks;
export const LINK_KINDS: readonly LinkKind[] = ['channels', 'segments'];

type FieldValidators = {
  readonly [K in keyof RelationshipFields]: (value: unknown) => value is RelationshipFields[K];
};

/** One validator per field, from the schema: what a reader accepts and a writer may write. */
export const RELATIONSHIP_FIELD_VALIDATORS = Object.fromEntries(
  Object.entries(relationshipFieldsSchema.shape).map(([field, schema]) => [
    field,
    (value: unknown) => schema.safeParse(value).success,
  ]),
) as FieldValidators;

export const RELATIONSHIP_FIELDS = Object.keys(
  RELATIONSHIP_FIELD_VALIDATORS,
) as (keyof RelationshipFields)[];

/** Keeps the valid fields of a stored label map; a peer's bad value reads as unset. */
export function parseRelationshipLabels(raw: Record<string, unknown>): RelationshipLabels {
  const labels: Partial<Record<keyof RelationshipFields, unknown>> = {};
  for (const field of RELATIONSHIP_FIELDS) {
    const value = raw[field];
    if (RELATIONSHIP_FIELD_VALIDATORS[field](value)) labels[field] = value;
  }
  return labels as RelationshipLabels;
}

/**
 * Valid, distinct note ids in a stable order, at most MAX_LINKS: the first ones in that order,
 * so every peer keeps the same ones whatever order its Y.Map iterates its keys in.
 */
export function parseLinkIds(raw: Iterable<unknown>): NoteId[] {
  const ids = new Set<NoteId>();
  for (const value of raw) if (isNoteId(value)) ids.add(value);
  return [...ids].sort().slice(0, MAX_LINKS);
}

/**
 * The three dimensions a type suggests (DOMAIN.md): picking a type fills these, and the
 * team can change each afterwards.
 */
export const TYPE_DEFAULTS: Readonly<
  Record<RelationshipType, Pick<RelationshipFields, 'mode' | 'bond' | 'intimacy'>>
> = {
  personal: { mode: 'direct', bond: 'transactional', intimacy: 'personal' },
  dedicated: { mode: 'direct', bond: 'longTerm', intimacy: 'personal' },
  remote: { mode: 'direct', bond: 'transactional', intimacy: 'personal' },
  selfService: { mode: 'direct', bond: 'transactional', intimacy: 'automated' },
  automated: { mode: 'direct', bond: 'longTerm', intimacy: 'automated' },
  community: { mode: 'direct', bond: 'longTerm', intimacy: 'personal' },
  coCreation: { mode: 'direct', bond: 'longTerm', intimacy: 'personal' },
  thirdParty: { mode: 'indirect', bond: 'transactional', intimacy: 'personal' },
};

/** True when a note carries any label or link (worth a badge, counted in the overview). */
export function isLabelled(labels: RelationshipLabels, links: RelationshipLinks): boolean {
  return Object.keys(labels).length > 0 || links.channels.length > 0 || links.segments.length > 0;
}
