import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '@/lib/model/blocks';
import { NOTE_COLOR_NAMES } from '@/lib/model/colors';
import { blockQuestionKey, blockTitleKey, colorNameKey, en, es, type MessageKey } from './messages';
import { placeholdersOf } from './translate';

const KEYS = Object.keys(en) as MessageKey[];

describe('dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(es).sort()).toEqual([...KEYS].sort());
  });

  it.each(KEYS)('%s is translated, with the same placeholders', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect(es[key].trim()).not.toBe('');
    expect(placeholdersOf(es[key])).toEqual(placeholdersOf(en[key]));
  });

  it('name the nine blocks as DOMAIN.md does', () => {
    expect(BLOCK_IDS.map((id) => en[blockTitleKey(id)])).toEqual([
      'Key Partners',
      'Key Activities',
      'Key Resources',
      'Value Propositions',
      'Customer Relationships',
      'Channels',
      'Customer Segments',
      'Cost Structure',
      'Revenue Streams',
    ]);
    expect(BLOCK_IDS.map((id) => es[blockTitleKey(id)])).toEqual([
      'Socios clave',
      'Actividades clave',
      'Recursos clave',
      'Propuesta de valor',
      'Relaciones con los clientes',
      'Canales',
      'Segmentos de clientes',
      'Estructura de costes',
      'Fuentes de ingresos',
    ]);
  });

  it('ask a guiding question for every block, in both languages', () => {
    for (const id of BLOCK_IDS) {
      expect(en[blockQuestionKey(id)]).toMatch(/\?$/);
      expect(es[blockQuestionKey(id)]).toMatch(/^¿.*\?$/);
    }
    expect(es[blockQuestionKey('customerRelationships')]).toBe(
      '¿Qué relación espera cada segmento, y por qué canal?',
    );
  });

  it('name every palette colour, each differently', () => {
    for (const dictionary of [en, es]) {
      const names = NOTE_COLOR_NAMES.map((color) => dictionary[colorNameKey(color)]);
      expect(new Set(names).size).toBe(NOTE_COLOR_NAMES.length);
    }
  });
});
