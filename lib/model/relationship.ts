import { isNoteId, type NoteId } from './ids';

/**
 * The labels of a Customer Relationships note (shared DOMAIN.md, "What a Customer
 * Relationships note carries"). Every field is optional: a team labels as it learns. Values
 * are stored by these ids; their English and Spanish names live in lib/i18n.
 */

export const RELATIONSHIP_TYPES = [
  'personal',
  'dedicated',
  'remote',
  'selfService',
  'automated',
  'community',
  'coCreation',
  'thirdParty',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const MODES = ['direct', 'indirect'] as const;
export type Mode = (typeof MODES)[number];
export const BONDS = ['transactional', 'longTerm'] as const;
export type Bond = (typeof BONDS)[number];
export const INTIMACIES = ['personal', 'automated'] as const;
export type Intimacy = (typeof INTIMACIES)[number];
export const MOTIVATIONS = ['acquisition', 'retention', 'upselling'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];
/** The funnel, in order: channels carry acquisition, relationships what comes after. */
export const FUNNEL_STAGES = [
  'acquisition',
  'activation',
  'conversion',
  'retention',
  'referral',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const AUDIENCES = ['prospects', 'customers', 'pastCustomers'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const COST_PERIODS = ['oneOff', 'perMonth', 'perCustomer'] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];
export const STATUSES = ['current', 'planned'] as const;
export type RelationshipStatus = (typeof STATUSES)[number];
export const HYPOTHESIS_STATES = ['untested', 'testing', 'validated', 'invalidated'] as const;
export type HypothesisState = (typeof HYPOTHESIS_STATES)[number];

/** Currencies offered in the panel first; any ISO 4217 code (three capitals) is accepted. */
export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'MXN', 'ARS', 'COP', 'CLP', 'PEN'] as const;
export const MAX_EVIDENCE_LENGTH = 280;
/** Upper bound on a cost amount: far above any real figure, below float precision trouble. */
export const MAX_COST_AMOUNT = 1e12;
/** Links per note: generous for a canvas, and a bound on what one hostile peer can add. */
export const MAX_LINKS = 50;

/** The scalar labels; links are separate (they are sets, edited concurrently). */
export interface RelationshipFields {
  type: RelationshipType;
  mode: Mode;
  bond: Bond;
  intimacy: Intimacy;
  motivation: Motivation;
  stage: FunnelStage;
  audience: Audience;
  /** Cost: amount (>= 0), ISO 4217 currency and period. Each may be set on its own. */
  costAmount: number;
  costCurrency: string;
  costPeriod: CostPeriod;
  status: RelationshipStatus;
  hypothesis: HypothesisState;
  /** One line of evidence for the hypothesis state. */
  evidence: string;
}

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

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** One validator per field: what a reader accepts and what a writer may write. */
export const RELATIONSHIP_FIELD_VALIDATORS: {
  readonly [K in keyof RelationshipFields]: (value: unknown) => value is RelationshipFields[K];
} = {
  type: oneOf(RELATIONSHIP_TYPES),
  mode: oneOf(MODES),
  bond: oneOf(BONDS),
  intimacy: oneOf(INTIMACIES),
  motivation: oneOf(MOTIVATIONS),
  stage: oneOf(FUNNEL_STAGES),
  audience: oneOf(AUDIENCES),
  costAmount: (v): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COST_AMOUNT,
  costCurrency: (v): v is string => typeof v === 'string' && CURRENCY_PATTERN.test(v),
  costPeriod: oneOf(COST_PERIODS),
  status: oneOf(STATUSES),
  hypothesis: oneOf(HYPOTHESIS_STATES),
  evidence: (v): v is string => typeof v === 'string' && v.length <= MAX_EVIDENCE_LENGTH,
};

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
