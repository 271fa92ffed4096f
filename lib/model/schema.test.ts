import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from './blocks';
import { NOTE_COLORS } from './colors';
import { BLOCK_RECTS } from './layout';
import {
  AUDIENCES,
  BONDS,
  COST_PERIODS,
  FUNNEL_STAGES,
  HYPOTHESIS_STATES,
  INTIMACIES,
  MODES,
  MOTIVATIONS,
  RELATIONSHIP_FIELDS,
  RELATIONSHIP_TYPES,
  STATUSES,
  TYPE_DEFAULTS,
} from './relationship';
import {
  DEFAULT_TITLE,
  MAX_TITLE_LENGTH,
  META_KEYS,
  NOTE_KEYS,
  REL_KEYS,
  ROOT,
  SCHEMA_VERSION,
  WORKSHOP_KEYS,
  cleanTitle,
} from './schema';

describe('cleanTitle', () => {
  it('keeps a plain title', () => {
    expect(cleanTitle('Café del barrio')).toEqual({ ok: true, title: 'Café del barrio' });
  });

  it('trims and collapses whitespace, newlines included', () => {
    expect(cleanTitle('  Lienzo \n\t de   prueba  ')).toEqual({
      ok: true,
      title: 'Lienzo de prueba',
    });
  });

  it.each([[undefined], [null], [''], ['   \n ']])('gives the default title for %j', (raw) => {
    expect(cleanTitle(raw)).toEqual({ ok: true, title: DEFAULT_TITLE });
  });

  it('accepts a title of the maximum length and refuses a longer one', () => {
    expect(cleanTitle('a'.repeat(MAX_TITLE_LENGTH))).toEqual({
      ok: true,
      title: 'a'.repeat(MAX_TITLE_LENGTH),
    });
    const tooLong = cleanTitle('a'.repeat(MAX_TITLE_LENGTH + 1));
    expect(tooLong.ok).toBe(false);
  });

  it('measures the length after collapsing whitespace', () => {
    const head = 'a'.repeat(MAX_TITLE_LENGTH - 2);
    expect(cleanTitle(`${head}${' '.repeat(50)}b`)).toEqual({ ok: true, title: `${head} b` });
  });

  it.each([[42], [{}], [['title']], [true]])('refuses %j, which is not a string', (raw) => {
    expect(cleanTitle(raw)).toEqual({ ok: false, error: 'title must be a string' });
  });
});

describe('schema names', () => {
  it('are the names stored in every board (renaming one orphans stored data)', () => {
    expect(ROOT).toEqual({
      meta: 'meta',
      notes: 'notes',
      workshop: 'workshop',
      votes: 'votes',
      comments: 'comments',
    });
    expect(Object.values(WORKSHOP_KEYS)).toEqual([
      'timer',
      'follow',
      'vote',
      'locks',
      'privateWriting',
    ]);
    expect(Object.values(META_KEYS)).toEqual(['schemaVersion', 'title', 'createdAt']);
    expect(Object.values(NOTE_KEYS)).toEqual([
      'block',
      'x',
      'y',
      'width',
      'height',
      'color',
      'z',
      'author',
      'createdAt',
      'text',
      'rel',
    ]);
    expect(REL_KEYS).toEqual({ channels: 'channels', segments: 'segments' });
  });
});

describe('docs/SCHEMA.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/SCHEMA.md', import.meta.url)), 'utf8');

  it('documents the current schema version', () => {
    expect(doc).toMatch(
      new RegExp(`^# The board document, schema version ${SCHEMA_VERSION}$`, 'm'),
    );
  });

  it.each(BLOCK_IDS)('gives the rect of %s as the code does', (id) => {
    const { x, y, width, height } = BLOCK_RECTS[id];
    expect(doc).toMatch(new RegExp(`\\| \`${id}\` +\\| ${x}, ${y}, ${width}, ${height} +\\|`));
  });

  it('lists the palette as the code does', () => {
    for (const [name, hex] of Object.entries(NOTE_COLORS)) {
      expect(doc).toMatch(new RegExp(`\\| \`${name}\` +\\| \`${hex}\` +\\|`));
    }
  });

  it('names every stored key', () => {
    for (const key of [
      ...Object.values(META_KEYS),
      ...Object.values(NOTE_KEYS),
      ...Object.values(REL_KEYS),
      ...RELATIONSHIP_FIELDS,
    ]) {
      expect(doc).toContain(`\`${key}\``);
    }
  });

  it('lists every label value in the values table', () => {
    const values = {
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
    for (const [field, list] of Object.entries(values)) {
      for (const value of list) {
        expect(doc).toMatch(new RegExp(`\\| \`${field}\` +\\| \`${value}\` +\\|`));
      }
    }
  });

  it('gives the defaults by type as the code does', () => {
    for (const [type, { mode, bond, intimacy }] of Object.entries(TYPE_DEFAULTS)) {
      const cells = [type, mode, bond, intimacy].map((v) => `\`${v}\` +`).join('\\| ');
      expect(doc).toMatch(new RegExp(`\\| ${cells}\\|`));
    }
  });

  it('has a line in the history for every version', () => {
    for (let version = 1; version <= SCHEMA_VERSION; version++) {
      expect(doc).toMatch(new RegExp(`^\\| ${version} +\\|`, 'm'));
    }
  });
});
