import { describe, expect, it } from 'vitest';
import { newNoteId } from './ids';
import {
  AUDIENCES,
  BONDS,
  COMMON_CURRENCIES,
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  INTIMACIES,
  MAX_COST_AMOUNT,
  MAX_EVIDENCE_LENGTH,
  MAX_LINKS,
  MODES,
  MOTIVATIONS,
  RELATIONSHIP_FIELDS,
  RELATIONSHIP_FIELD_VALIDATORS,
  RELATIONSHIP_TYPES,
  STATUSES,
  TYPE_DEFAULTS,
  isLabelled,
  parseLinkIds,
  parseRelationshipLabels,
  type RelationshipFields,
} from './relationship';

type Field = keyof RelationshipFields;
const validate = (field: Field, value: unknown) => RELATIONSHIP_FIELD_VALIDATORS[field](value);

/** The values of shared DOMAIN.md, "What a Customer Relationships note carries", verbatim. */
const DOMAIN_VALUES: Record<
  Exclude<Field, 'costAmount' | 'costCurrency' | 'evidence'>,
  string[]
> = {
  type: [
    'personal',
    'dedicated',
    'remote',
    'selfService',
    'automated',
    'community',
    'coCreation',
    'thirdParty',
  ],
  mode: ['direct', 'indirect'],
  bond: ['transactional', 'longTerm'],
  intimacy: ['personal', 'automated'],
  motivation: ['acquisition', 'retention', 'upselling'],
  stage: ['acquisition', 'activation', 'conversion', 'retention', 'referral'],
  audience: ['prospects', 'customers', 'pastCustomers'],
  costPeriod: ['oneOff', 'perMonth', 'perCustomer'],
  status: ['current', 'planned'],
  hypothesis: ['untested', 'testing', 'validated', 'invalidated'],
};

describe('the label vocabularies', () => {
  it('are exactly the DOMAIN values, in the DOMAIN order (the funnel order matters)', () => {
    expect(RELATIONSHIP_TYPES).toEqual(DOMAIN_VALUES.type);
    expect(MODES).toEqual(DOMAIN_VALUES.mode);
    expect(BONDS).toEqual(DOMAIN_VALUES.bond);
    expect(INTIMACIES).toEqual(DOMAIN_VALUES.intimacy);
    expect(MOTIVATIONS).toEqual(DOMAIN_VALUES.motivation);
    expect(FUNNEL_STAGES).toEqual(DOMAIN_VALUES.stage);
    expect(AUDIENCES).toEqual(DOMAIN_VALUES.audience);
    expect(COST_PERIODS).toEqual(DOMAIN_VALUES.costPeriod);
    expect(STATUSES).toEqual(DOMAIN_VALUES.status);
    expect(HYPOTHESIS_STATES).toEqual(DOMAIN_VALUES.hypothesis);
  });

  it('have one validator per stored field', () => {
    expect(RELATIONSHIP_FIELDS).toEqual([
      'type',
      'mode',
      'bond',
      'intimacy',
      'motivation',
      'stage',
      'audience',
      'costAmount',
      'costCurrency',
      'costPeriod',
      'status',
      'hypothesis',
      'evidence',
    ]);
  });
});

describe('RELATIONSHIP_FIELD_VALIDATORS', () => {
  it.each(Object.entries(DOMAIN_VALUES) as [Field, string[]][])(
    '%s accepts every DOMAIN value',
    (field, values) => {
      for (const value of values) expect(validate(field, value)).toBe(true);
    },
  );

  it.each(Object.keys(DOMAIN_VALUES) as Field[])(
    '%s refuses other values, other cases and other types',
    (field) => {
      for (const value of ['unknown', '', 'Personal', 'SELFSERVICE', 'long_term', 1, null, {}]) {
        expect(validate(field, value)).toBe(false);
      }
      expect(validate(field, undefined)).toBe(false);
      expect(validate(field, ['direct'])).toBe(false);
    },
  );

  it('costAmount accepts zero, fractions and the maximum', () => {
    for (const amount of [0, 0.5, 49.99, 1200, MAX_COST_AMOUNT]) {
      expect(validate('costAmount', amount)).toBe(true);
    }
  });

  it.each([
    ['negative', -1],
    ['slightly negative', -0.01],
    ['NaN', NaN],
    ['infinite', Infinity],
    ['huge', MAX_COST_AMOUNT * 10],
    ['just above the maximum', MAX_COST_AMOUNT + 1],
    ['a numeric string', '100'],
  ])('costAmount refuses %s (%s)', (_, amount) => {
    expect(validate('costAmount', amount)).toBe(false);
  });

  it('costCurrency accepts the common currencies and any three-capital code', () => {
    for (const code of [...COMMON_CURRENCIES, 'JPY', 'BRL']) {
      expect(validate('costCurrency', code)).toBe(true);
    }
  });

  it.each(['eur', 'Eur', 'EURO', 'EU', '€', 'E1R', ' EUR', ''])(
    'costCurrency refuses %j',
    (code) => {
      expect(validate('costCurrency', code)).toBe(false);
    },
  );

  it('evidence accepts up to MAX_EVIDENCE_LENGTH characters and refuses longer', () => {
    expect(validate('evidence', '')).toBe(true);
    expect(validate('evidence', '12 of 40 trial users came back within a week')).toBe(true);
    expect(validate('evidence', 'x'.repeat(MAX_EVIDENCE_LENGTH))).toBe(true);
    expect(validate('evidence', 'x'.repeat(MAX_EVIDENCE_LENGTH + 1))).toBe(false);
    expect(validate('evidence', 42)).toBe(false);
  });
});

describe('parseRelationshipLabels', () => {
  const VALID: RelationshipFields = {
    type: 'selfService',
    mode: 'direct',
    bond: 'longTerm',
    intimacy: 'automated',
    motivation: 'retention',
    stage: 'activation',
    audience: 'customers',
    costAmount: 120,
    costCurrency: 'EUR',
    costPeriod: 'perMonth',
    status: 'planned',
    hypothesis: 'testing',
    evidence: 'Half the trial users open the tutorials',
  };

  it('keeps every valid field', () => {
    expect(parseRelationshipLabels({ ...VALID })).toEqual(VALID);
  });

  it('gives no labels for an empty map', () => {
    expect(parseRelationshipLabels({})).toEqual({});
  });

  it('drops the invalid fields, keeps the valid ones, and ignores unknown keys', () => {
    const labels = parseRelationshipLabels({
      ...VALID,
      type: 'telepathy',
      costAmount: -5,
      costCurrency: 'eur',
      evidence: 'x'.repeat(MAX_EVIDENCE_LENGTH + 1),
      stage: null,
      channels: { note_aaaaaaaaaaaaaaaa: true },
      futureField: 'kept in the doc, not read',
    });
    expect(labels).toEqual({
      mode: 'direct',
      bond: 'longTerm',
      intimacy: 'automated',
      motivation: 'retention',
      audience: 'customers',
      costPeriod: 'perMonth',
      status: 'planned',
      hypothesis: 'testing',
    });
    expect(Object.keys(labels)).not.toContain('type');
  });
});

describe('parseLinkIds', () => {
  const ids = Array.from({ length: MAX_LINKS + 10 }, () => newNoteId());
  const [a, b, c] = [newNoteId(), newNoteId(), newNoteId()];

  it('keeps valid note ids, sorted', () => {
    expect(parseLinkIds([c, a, b])).toEqual([a, b, c].sort());
  });

  it('drops invalid ids and duplicates', () => {
    expect(parseLinkIds([b, 'note_short', 42, null, a, b, 'x', a])).toEqual([a, b].sort());
  });

  it('keeps at most MAX_LINKS', () => {
    expect(parseLinkIds(ids)).toHaveLength(MAX_LINKS);
    expect(parseLinkIds([...ids, ...ids])).toHaveLength(MAX_LINKS);
  });

  it('keeps the same links whatever order the ids come in (peers iterate differently)', () => {
    const kept = parseLinkIds(ids);
    expect(parseLinkIds([...ids].reverse())).toEqual(kept);
    expect(kept).toEqual([...ids].sort().slice(0, MAX_LINKS));
  });

  it('does not count invalid or repeated entries against the cap', () => {
    const noise = Array.from({ length: MAX_LINKS }, (_, i) => `bad-${i}`);
    expect(parseLinkIds([...noise, a, a, a])).toEqual([a]);
  });
});

describe('TYPE_DEFAULTS', () => {
  it('suggests valid dimensions for each of the eight types', () => {
    expect(Object.keys(TYPE_DEFAULTS).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    for (const defaults of Object.values(TYPE_DEFAULTS)) {
      expect(Object.keys(defaults).sort()).toEqual(['bond', 'intimacy', 'mode']);
      expect(validate('mode', defaults.mode)).toBe(true);
      expect(validate('bond', defaults.bond)).toBe(true);
      expect(validate('intimacy', defaults.intimacy)).toBe(true);
    }
  });

  it('follows DOMAIN.md where it says so', () => {
    expect(TYPE_DEFAULTS.selfService).toMatchObject({ mode: 'direct', intimacy: 'automated' });
    expect(TYPE_DEFAULTS.automated).toMatchObject({ intimacy: 'automated' });
    expect(TYPE_DEFAULTS.thirdParty.mode).toBe('indirect');
    expect(TYPE_DEFAULTS.personal).toMatchObject({ mode: 'direct', intimacy: 'personal' });
    expect(TYPE_DEFAULTS.dedicated).toMatchObject({ bond: 'longTerm', intimacy: 'personal' });
  });

  it('makes every type but thirdParty direct', () => {
    const indirect = RELATIONSHIP_TYPES.filter((type) => TYPE_DEFAULTS[type].mode === 'indirect');
    expect(indirect).toEqual(['thirdParty']);
  });
});

describe('isLabelled', () => {
  const NO_LINKS = { channels: [], segments: [] };
  const [channel, segment] = [newNoteId(), newNoteId()];

  it('is false for a note without labels or links', () => {
    expect(isLabelled({}, NO_LINKS)).toBe(false);
  });

  it('is true with any one label', () => {
    expect(isLabelled({ status: 'planned' }, NO_LINKS)).toBe(true);
    expect(isLabelled({ costAmount: 0 }, NO_LINKS)).toBe(true);
  });

  it('is true with any one link', () => {
    expect(isLabelled({}, { channels: [channel], segments: [] })).toBe(true);
    expect(isLabelled({}, { channels: [], segments: [segment] })).toBe(true);
  });
});
