import { describe, expect, it } from 'vitest';
import {
  LINK_KINDS,
  RELATIONSHIP_FIELD_VALIDATORS,
  RELATIONSHIP_FIELDS,
  RELATIONSHIP_TYPES,
  type RelationshipFields,
} from '@/lib/model/relationship';
import { en, es } from './messages';
import {
  CHOICE_FIELDS,
  CHOICE_VALUES,
  DIMENSIONS,
  dimensionHintKey,
  relationshipFieldKey,
  relationshipTypeDescriptionKey,
  relationshipTypeKey,
  relationshipValueKey,
  stageKey,
  type ChoiceField,
} from './relationship-keys';

const DICTIONARIES = { en, es } as const;
const FREE_FIELDS = ['costAmount', 'costCurrency', 'evidence'];

function valuesOf<F extends ChoiceField>(field: F): readonly RelationshipFields[F][] {
  return CHOICE_VALUES[field];
}

describe('relationship keys', () => {
  it('cover every choice field of the model, and only those', () => {
    expect([...CHOICE_FIELDS, ...FREE_FIELDS].sort()).toEqual([...RELATIONSHIP_FIELDS].sort());
  });

  it.each(Object.entries(DICTIONARIES))('name every field and link list in %s', (_, dict) => {
    for (const field of [...RELATIONSHIP_FIELDS, ...LINK_KINDS]) {
      expect(dict[relationshipFieldKey(field)]?.trim()).toBeTruthy();
    }
  });

  it.each(Object.entries(DICTIONARIES))(
    'name every value of every field in %s, each differently within its field',
    (_, dict) => {
      for (const field of CHOICE_FIELDS) {
        const values = valuesOf(field);
        for (const value of values) expect(RELATIONSHIP_FIELD_VALIDATORS[field](value)).toBe(true);
        const names = values.map((value) =>
          dict[relationshipValueKey(field, value as never)]?.trim(),
        );
        expect(names.every(Boolean), field).toBe(true);
        expect(new Set(names).size, field).toBe(values.length);
      }
    },
  );

  it.each(Object.entries(DICTIONARIES))('describe every type in %s', (_, dict) => {
    for (const type of RELATIONSHIP_TYPES) {
      expect(dict[relationshipTypeDescriptionKey(type)]?.trim()).toBeTruthy();
    }
  });

  it.each(Object.entries(DICTIONARIES))('hint at every dimension value in %s', (_, dict) => {
    for (const dimension of DIMENSIONS) {
      for (const value of valuesOf(dimension)) {
        expect(dict[dimensionHintKey(dimension, value as never)]?.trim()).toBeTruthy();
      }
    }
  });

  it('use the Spanish names of DOMAIN.md', () => {
    expect(RELATIONSHIP_TYPES.map((type) => es[relationshipTypeKey(type)])).toEqual([
      'Asistencia personal',
      'Asistencia personal exclusiva',
      'A distancia',
      'Autoservicio',
      'Servicios automatizados',
      'Comunidades',
      'Co-creación',
      'A través de terceros',
    ]);
    expect(CHOICE_VALUES.stage.map((stage) => es[stageKey(stage)])).toEqual([
      'Adquisición',
      'Activación',
      'Conversión',
      'Retención',
      'Recomendación',
    ]);
  });
});
