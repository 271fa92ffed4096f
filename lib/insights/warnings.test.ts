import { describe, expect, it } from 'vitest';
import { FUNNEL_STAGES } from '../model';
import { indexBoard } from './board-index';
import { computeOverview } from './overview';
import { computeWarnings, warningKey, type CoherenceWarning } from './warnings';
import { channel, id, relationship, segment } from './test-support';

const kinds = (warnings: CoherenceWarning[]) => warnings.map((w) => w.kind);

describe('computeWarnings', () => {
  it('has nothing to say about an empty board', () => {
    expect(computeWarnings([])).toEqual([]);
  });

  it('flags segments and channels nothing uses, but no empty stages while the block is empty', () => {
    const warnings = computeWarnings([segment('s1'), segment('s2'), channel('c')]);
    expect(warnings).toEqual([
      { kind: 'segmentWithoutRelationship', noteId: id('s1') },
      { kind: 'segmentWithoutRelationship', noteId: id('s2') },
      { kind: 'channelUnused', noteId: id('c') },
    ]);
  });

  it('flags a relationship without links, and every stage left empty', () => {
    const warnings = computeWarnings([relationship('r', { stage: 'retention' })]);
    expect(warnings).toEqual([
      { kind: 'relationshipWithoutChannel', noteId: id('r') },
      { kind: 'relationshipWithoutSegment', noteId: id('r') },
      ...FUNNEL_STAGES.filter((stage) => stage !== 'retention').map((stage) => ({
        kind: 'stageEmpty',
        noteId: null,
        stage,
      })),
    ]);
  });

  it('treats links to deleted notes or to the wrong block as missing', () => {
    const board = [
      segment('s'),
      channel('c'),
      relationship('r', { stage: 'activation' }, { segments: ['gone', 'c'], channels: ['s'] }),
    ];
    expect(kinds(computeWarnings(board))).toEqual([
      'relationshipWithoutChannel',
      'relationshipWithoutSegment',
      'segmentWithoutRelationship',
      'channelUnused',
      'stageEmpty',
      'stageEmpty',
      'stageEmpty',
      'stageEmpty',
    ]);
  });

  it('is quiet about a coherent board that covers every stage', () => {
    const board = [
      segment('s1'),
      segment('s2'),
      channel('c'),
      ...FUNNEL_STAGES.map((stage, i) =>
        relationship(stage, { stage }, { segments: [i % 2 ? 's1' : 's2'], channels: ['c'] }),
      ),
    ];
    expect(computeWarnings(board)).toEqual([]);
  });

  it('counts a segment served through a relationship shared with another segment', () => {
    const board = [
      segment('s1'),
      segment('s2'),
      channel('c'),
      relationship('r', {}, { segments: ['s1', 's2'], channels: ['c'] }),
    ];
    expect(kinds(computeWarnings(board)).filter((k) => k !== 'stageEmpty')).toEqual([]);
  });

  it('flags a cost without a period or without a currency, and not a cost without amount', () => {
    const board = [
      channel('c'),
      segment('s'),
      relationship('both', { costAmount: 10 }, { segments: ['s'], channels: ['c'] }),
      relationship('noPeriod', { costAmount: 10, costCurrency: 'EUR' }, { segments: ['s'] }),
      relationship('noCurrency', { costAmount: 10, costPeriod: 'oneOff' }, { segments: ['s'] }),
      relationship('noAmount', { costCurrency: 'EUR' }, { segments: ['s'], channels: ['c'] }),
    ];
    const costWarnings = computeWarnings(board).filter((w) => w.kind.startsWith('cost'));
    expect(costWarnings).toEqual([
      { kind: 'costWithoutPeriod', noteId: id('both') },
      { kind: 'costWithoutPeriod', noteId: id('noPeriod') },
      { kind: 'costWithoutCurrency', noteId: id('both') },
      { kind: 'costWithoutCurrency', noteId: id('noCurrency') },
    ]);
  });

  it('sorts by kind, then in reading order, whatever the order of the records', () => {
    const board = [
      relationship('below', {}, { y: 500 }),
      segment('s'),
      relationship('above', {}, { y: 100 }),
    ];
    const warnings = computeWarnings(board);
    expect(warnings.slice(0, 5)).toEqual([
      { kind: 'relationshipWithoutChannel', noteId: id('above') },
      { kind: 'relationshipWithoutChannel', noteId: id('below') },
      { kind: 'relationshipWithoutSegment', noteId: id('above') },
      { kind: 'relationshipWithoutSegment', noteId: id('below') },
      { kind: 'segmentWithoutRelationship', noteId: id('s') },
    ]);
    expect(computeWarnings([...board].reverse())).toEqual(warnings);
    expect(new Set(warnings.map(warningKey)).size).toBe(warnings.length);
  });

  it('gives the same answer with a shared index', () => {
    const board = [segment('s'), relationship('r', { costAmount: 1 }, { segments: ['s'] })];
    const index = indexBoard(board);
    expect(computeWarnings(board, index)).toEqual(computeWarnings(board));
    expect(computeOverview(board, index)).toEqual(computeOverview(board));
  });
});
