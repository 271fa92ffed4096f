import { z } from 'zod';
import { NOTE_ID_PATTERN } from '../ids';

/**
 * The labels of a Customer Relationships note, stored in its `rel` map (shared DOMAIN.md, "What
 * a Customer Relationships note carries"), and its link keys. Every label is optional: a team
 * labels as it learns. Values are stored by these ids; their English and Spanish names live
 * in lib/i18n.
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
export const MODES = ['direct', 'indirect'] as const;
export const BONDS = ['transactional', 'longTerm'] as const;
export const INTIMACIES = ['personal', 'automated'] as const;
export const MOTIVATIONS = ['acquisition', 'retention', 'upselling'] as const;
/** The funnel, in order: channels carry acquisition, relationships what comes after. */
export const FUNNEL_STAGES = [
  'acquisition',
  'activation',
  'conversion',
  'retention',
  'referral',
] as const;
export const AUDIENCES = ['prospects', 'customers', 'pastCustomers'] as const;
export const COST_PERIODS = ['oneOff', 'perMonth', 'perCustomer'] as const;
export const STATUSES = ['current', 'planned'] as const;
export const HYPOTHESIS_STATES = ['untested', 'testing', 'validated', 'invalidated'] as const;

export const MAX_EVIDENCE_LENGTH = 280;
/** Upper bound on a cost amount: far above any real figure, below float precision trouble. */
export const MAX_COST_AMOUNT = 1e12;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

const choice = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values).meta({ description: `${description} One of ${values.join(', ')}.` });

/** The scalar labels; links are separate (they are sets, edited concurrently). */
export const relationshipFieldsSchema = z.object({
  type: choice(RELATIONSHIP_TYPES, 'The relationship type.'),
  mode: choice(MODES, 'Direct or through intermediaries.'),
  bond: choice(BONDS, 'How long the bond lasts.'),
  intimacy: choice(INTIMACIES, 'A person or a machine.'),
  motivation: choice(MOTIVATIONS, 'Why the relationship exists.'),
  stage: choice(FUNNEL_STAGES, 'The funnel stage it serves.'),
  audience: choice(AUDIENCES, 'Who it is for.'),
  costAmount: z
    .number()
    .min(0)
    .max(MAX_COST_AMOUNT)
    .meta({ description: `Cost amount, 0 to ${MAX_COST_AMOUNT.toExponential()}.` }),
  costCurrency: z
    .string()
    .regex(CURRENCY_PATTERN)
    .meta({ description: 'An ISO 4217 currency code: three capital letters.' }),
  costPeriod: choice(COST_PERIODS, 'What the cost amount is paid for.'),
  status: choice(STATUSES, 'Whether we have it now.'),
  hypothesis: choice(HYPOTHESIS_STATES, 'How far the hypothesis is tested.'),
  evidence: z
    .string()
    .max(MAX_EVIDENCE_LENGTH)
    .meta({
      description: `One line of evidence for the hypothesis state, at most ${MAX_EVIDENCE_LENGTH} characters.`,
    }),
});

export type RelationshipFields = z.infer<typeof relationshipFieldsSchema>;

/** The link kinds: `<kind>:<target NoteId>` keys of the `rel` map (schema version 3). */
export const LINK_KEY_PATTERN = new RegExp(
  `^(channels|segments):(${NOTE_ID_PATTERN.source.replace(/^\^|\$$/g, '')})$`,
);

/** A link key's value: only the key counts, and writers store true. */
export const linkValueSchema = z
  .literal(true)
  .meta({ description: '`true`: one key per linked note, so concurrent links merge.' });
