import { describe, expect, it } from 'vitest';
import { FUNNEL_STAGES } from '../model';
import { computeOverview, STAGE_COLUMNS, type MatrixRow } from './overview';
import { channel, id, note, relationship, segment } from './test-support';

const cell = (row: MatrixRow | undefined, column: (typeof STAGE_COLUMNS)[number]) =>
  row?.cells[column];

describe('computeOverview', () => {
  it('gives an empty board an empty overview with the "no segment" row only', () => {
    const overview = computeOverview([]);
    expect(overview.relationshipCount).toBe(0);
    expect(overview.matrix).toHaveLength(1);
    expect(overview.matrix[0]?.segmentId).toBeNull();
    for (const column of STAGE_COLUMNS) {
      expect(cell(overview.matrix[0], column)).toEqual([]);
      expect(overview.coverage[column]).toBe(0);
    }
    expect(overview.costs).toEqual({ bySegment: [], totals: [], unsummed: [] });
    expect(overview.status).toEqual({ current: [], planned: [], none: [] });
    expect(overview.hypotheses).toEqual({
      untested: [],
      testing: [],
      validated: [],
      invalidated: [],
      none: [],
    });
    expect(JSON.parse(JSON.stringify(overview))).toEqual(overview); // plain, serialisable
  });

  it('lists every segment as a row, in reading order, even with no relationship', () => {
    const board = [segment('b', { y: 200, text: 'Offices' }), segment('a', { y: 100 })];
    const overview = computeOverview(board);
    expect(overview.segmentCount).toBe(2);
    expect(overview.matrix.map((row) => [row.segmentId, row.text])).toEqual([
      [id('a'), 'a'],
      [id('b'), 'Offices'],
      [null, ''],
    ]);
    expect(
      overview.matrix.every((row) => STAGE_COLUMNS.every((c) => row.cells[c].length === 0)),
    ).toBe(true);
  });

  it('puts relationships without segments or stage in the "no segment" row, "no stage" column', () => {
    const board = [relationship('r1'), relationship('r2', { stage: 'retention' })];
    const [unassigned] = computeOverview(board).matrix;
    expect(cell(unassigned, 'none')).toEqual([id('r1')]);
    expect(cell(unassigned, 'retention')).toEqual([id('r2')]);
  });

  it('ignores links to missing notes and to notes of the wrong block', () => {
    const board = [
      segment('s'),
      channel('c'),
      note('valuePropositions', 'vp'),
      relationship('r', { stage: 'activation' }, { segments: ['gone', 'vp', 'c'] }),
    ];
    const overview = computeOverview(board);
    expect(cell(overview.matrix[0], 'activation')).toEqual([]);
    expect(cell(overview.matrix[1], 'activation')).toEqual([id('r')]);
  });

  it('shows a relationship serving two segments in both rows, counted once in coverage', () => {
    const board = [
      segment('s1'),
      segment('s2'),
      relationship('r', { stage: 'conversion' }, { segments: ['s1', 's2', 's2'] }),
    ];
    const overview = computeOverview(board);
    expect(cell(overview.matrix[0], 'conversion')).toEqual([id('r')]);
    expect(cell(overview.matrix[1], 'conversion')).toEqual([id('r')]);
    expect(cell(overview.matrix[2], 'conversion')).toEqual([]);
    expect(overview.coverage.conversion).toBe(1);
  });

  it('covers every stage when each has a relationship', () => {
    const board = FUNNEL_STAGES.map((stage) => relationship(stage, { stage }));
    const { coverage } = computeOverview(board);
    expect(FUNNEL_STAGES.map((stage) => coverage[stage])).toEqual([1, 1, 1, 1, 1]);
    expect(coverage.none).toBe(0);
  });

  it('keeps reading order inside a cell', () => {
    const board = [
      segment('s'),
      relationship('low', { stage: 'referral' }, { segments: ['s'], y: 900 }),
      relationship('high', { stage: 'referral' }, { segments: ['s'], y: 300 }),
    ];
    expect(cell(computeOverview(board).matrix[0], 'referral')).toEqual([id('high'), id('low')]);
  });
});

describe('computeOverview costs', () => {
  const cost = (costAmount: number, costCurrency?: string, costPeriod?: 'oneOff' | 'perMonth') => ({
    costAmount,
    ...(costCurrency ? { costCurrency } : {}),
    ...(costPeriod ? { costPeriod } : {}),
  });

  it('never adds different currencies or periods together', () => {
    const board = [
      segment('s'),
      relationship('a', cost(100, 'EUR', 'perMonth'), { segments: ['s'] }),
      relationship('b', cost(50, 'EUR', 'perMonth'), { segments: ['s'] }),
      relationship('c', cost(70, 'USD', 'perMonth'), { segments: ['s'] }),
      relationship('d', cost(1000, 'EUR', 'oneOff'), { segments: ['s'] }),
    ];
    const { costs } = computeOverview(board);
    const lines = [
      { currency: 'EUR', period: 'oneOff', amount: 1000, relationshipIds: [id('d')] },
      { currency: 'EUR', period: 'perMonth', amount: 150, relationshipIds: [id('a'), id('b')] },
      { currency: 'USD', period: 'perMonth', amount: 70, relationshipIds: [id('c')] },
    ];
    expect(costs.bySegment).toEqual([{ segmentId: id('s'), text: 's', lines }]);
    expect(costs.totals).toEqual(lines);
  });

  it('counts a shared relationship in each segment row but once in the total', () => {
    const board = [
      segment('s1'),
      segment('s2'),
      relationship('shared', cost(30, 'EUR', 'perMonth'), { segments: ['s1', 's2'] }),
      relationship('solo', cost(20, 'EUR', 'perMonth'), { segments: ['s2'] }),
      relationship('none', cost(5, 'EUR', 'perMonth')),
    ];
    const { costs } = computeOverview(board);
    expect(costs.bySegment.map((row) => [row.segmentId, row.lines[0]?.amount])).toEqual([
      [id('s1'), 30],
      [id('s2'), 50],
      [null, 5],
    ]);
    expect(costs.totals).toEqual([
      {
        currency: 'EUR',
        period: 'perMonth',
        amount: 55,
        relationshipIds: [id('shared'), id('solo'), id('none')],
      },
    ]);
  });

  it('leaves costs without a currency or a period out of every sum', () => {
    const board = [
      relationship('noPeriod', cost(10, 'EUR')),
      relationship('noCurrency', cost(20, undefined, 'perMonth')),
      relationship('noAmount', { costCurrency: 'EUR', costPeriod: 'perMonth' }),
      relationship('ok', cost(0, 'EUR', 'perMonth')),
    ];
    const { costs } = computeOverview(board);
    expect(costs.unsummed).toEqual([id('noPeriod'), id('noCurrency')]);
    expect(costs.totals).toEqual([
      { currency: 'EUR', period: 'perMonth', amount: 0, relationshipIds: [id('ok')] },
    ]);
  });
});

describe('computeOverview status and hypotheses', () => {
  it('lists current against planned, and hypothesis states, with the unset ones apart', () => {
    const board = [
      relationship('a', { status: 'current', hypothesis: 'validated' }),
      relationship('b', { status: 'planned', hypothesis: 'untested' }),
      relationship('c', { status: 'planned' }),
      relationship('d', { hypothesis: 'untested' }),
      segment('s'),
    ];
    const { status, hypotheses } = computeOverview(board);
    expect(status).toEqual({ current: [id('a')], planned: [id('b'), id('c')], none: [id('d')] });
    expect(hypotheses).toEqual({
      untested: [id('b'), id('d')],
      testing: [],
      validated: [id('a')],
      invalidated: [],
      none: [id('c')],
    });
  });

  it('ignores labels on notes outside the Customer Relationships block', () => {
    const moved = { ...note('channels', 'moved'), relationship: { status: 'current' as const } };
    const overview = computeOverview([moved]);
    expect(overview.relationshipCount).toBe(0);
    expect(overview.channelCount).toBe(1);
    expect(overview.status.current).toEqual([]);
  });
});
