/**
 * Message keys that name the Customer Relationships fields and their values, so any
 * component (the panel's editor, the overview, badges) can show them in the reader's
 * language: `t(stageKey('referral'))` is "Referral" / "Recomendación". Each function is
 * typed to return a MessageKey, so a model value without a string fails to compile.
 */
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
  type Audience,
  type Bond,
  type CostPeriod,
  type FunnelStage,
  type HypothesisState,
  type Intimacy,
  type LinkKind,
  type Mode,
  type Motivation,
  type RelationshipFields,
  type RelationshipStatus,
  type RelationshipType,
} from '@/lib/model/relationship';
import type { MessageKey } from './en';

/** The fields whose value is one of a fixed list (all but amount, currency and evidence). */
export type ChoiceField = Exclude<
  keyof RelationshipFields,
  'costAmount' | 'costCurrency' | 'evidence'
>;

/** The allowed values of every choice field, in the model's order (the order to list them). */
export const CHOICE_VALUES: { readonly [F in ChoiceField]: readonly RelationshipFields[F][] } = {
  type: RELATIONSHIP_TYPES,
  mode: MODES,
  bond: BONDS,
  intimacy: INTIMACIES,
  motivation: MOTIVATIONS,
  stage: FUNNEL_STAGES,
  audience: AUDIENCES,
  costPeriod: COST_PERIODS,
  status: STATUSES,
  hypothesis: HYPOTHESIS_STATES,
};

export const CHOICE_FIELDS = Object.keys(CHOICE_VALUES) as ChoiceField[];

/** Name of a field or link list, e.g. 'rel.field.stage' ("Funnel stage"). */
export function relationshipFieldKey(field: keyof RelationshipFields | LinkKind): MessageKey {
  return `rel.field.${field}`;
}

export function relationshipTypeKey(type: RelationshipType): MessageKey {
  return `rel.type.${type}`;
}

/** One line on what the type means (DOMAIN.md). */
export function relationshipTypeDescriptionKey(type: RelationshipType): MessageKey {
  return `rel.type.${type}.description`;
}

export function modeKey(mode: Mode): MessageKey {
  return `rel.mode.${mode}`;
}

export function bondKey(bond: Bond): MessageKey {
  return `rel.bond.${bond}`;
}

export function intimacyKey(intimacy: Intimacy): MessageKey {
  return `rel.intimacy.${intimacy}`;
}

export function motivationKey(motivation: Motivation): MessageKey {
  return `rel.motivation.${motivation}`;
}

export function stageKey(stage: FunnelStage): MessageKey {
  return `rel.stage.${stage}`;
}

export function audienceKey(audience: Audience): MessageKey {
  return `rel.audience.${audience}`;
}

export function costPeriodKey(period: CostPeriod): MessageKey {
  return `rel.costPeriod.${period}`;
}

export function statusKey(status: RelationshipStatus): MessageKey {
  return `rel.status.${status}`;
}

export function hypothesisKey(state: HypothesisState): MessageKey {
  return `rel.hypothesis.${state}`;
}

/** The three two-way dimensions. */
export type Dimension = 'mode' | 'bond' | 'intimacy';
export const DIMENSIONS: readonly Dimension[] = ['mode', 'bond', 'intimacy'];

/** A short hint on what a dimension's value means, e.g. "Only through intermediaries". */
export function dimensionHintKey<D extends Dimension>(
  dimension: D,
  value: RelationshipFields[D],
): MessageKey {
  const keys: { [K in Dimension]: (v: RelationshipFields[K]) => MessageKey } = {
    mode: (v) => `rel.mode.${v}.hint`,
    bond: (v) => `rel.bond.${v}.hint`,
    intimacy: (v) => `rel.intimacy.${v}.hint`,
  };
  return (keys[dimension] as (v: RelationshipFields[D]) => MessageKey)(value);
}

const VALUE_KEYS: { readonly [F in ChoiceField]: (value: RelationshipFields[F]) => MessageKey } = {
  type: relationshipTypeKey,
  mode: modeKey,
  bond: bondKey,
  intimacy: intimacyKey,
  motivation: motivationKey,
  stage: stageKey,
  audience: audienceKey,
  costPeriod: costPeriodKey,
  status: statusKey,
  hypothesis: hypothesisKey,
};

/** Name of any choice field's value: relationshipValueKey('stage', 'referral'). */
export function relationshipValueKey<F extends ChoiceField>(
  field: F,
  value: RelationshipFields[F],
): MessageKey {
  return (VALUE_KEYS[field] as (value: RelationshipFields[F]) => MessageKey)(value);
}
