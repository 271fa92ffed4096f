import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../model';
import {
  EMPTY_FILTER,
  filterContext,
  highlightedNotes,
  isFilterActive,
  matchesFilter,
  toggleFilterValue,
  type BoardFilter,
} from './filter';
import { channel, id, note, relationship, segment } from './test-support';

const board: NoteRecord[] = [
  segment('offices'),
  segment('homes'),
  channel('email'),
  channel('shop'),
  note('valuePropositions', 'coffee'),
  relationship(
    'support',
    {
      type: 'remote',
      stage: 'retention',
      motivation: 'retention',
      status: 'current',
      hypothesis: 'validated',
    },
    { segments: ['offices'], channels: ['email'] },
  ),
  relationship(
    'tutorials',
    {
      type: 'automated',
      stage: 'activation',
      motivation: 'retention',
      status: 'planned',
      hypothesis: 'untested',
    },
    { segments: ['offices', 'homes'], channels: ['email'] },
  ),
  relationship(
    'referral',
    { type: 'community', stage: 'referral', motivation: 'acquisition', status: 'planned' },
    { segments: ['homes'], channels: ['shop'] },
  ),
  relationship('blank'),
];

/** The names of the highlighted notes, in board order. */
function highlighted(filter: BoardFilter): string[] {
  const ids = highlightedNotes(board, filter);
  return board
    .filter((n) => ids === null || ids.has(n.id))
    .map((n) => n.id.slice(5).replace(/_+$/, ''));
}

describe('isFilterActive', () => {
  it('is false for an empty filter or only empty dimensions', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ types: [], segments: [] })).toBe(false);
    expect(isFilterActive({ hypotheses: ['testing'] })).toBe(true);
  });
});

describe('toggleFilterValue', () => {
  it('adds a value, removes it again, and drops a dimension left empty', () => {
    const one = toggleFilterValue(EMPTY_FILTER, 'types', 'remote');
    expect(one).toEqual({ types: ['remote'] });
    const two = toggleFilterValue(one, 'types', 'community');
    expect(two).toEqual({ types: ['remote', 'community'] });
    expect(toggleFilterValue(two, 'types', 'remote')).toEqual({ types: ['community'] });
    expect(toggleFilterValue(one, 'types', 'remote')).toEqual({});
    expect(toggleFilterValue(one, 'segments', id('homes'))).toEqual({
      types: ['remote'],
      segments: [id('homes')],
    });
  });
});

describe('matchesFilter', () => {
  it('highlights everything under an empty filter', () => {
    expect(highlightedNotes(board, EMPTY_FILTER)).toBeNull();
    const context = filterContext(board, EMPTY_FILTER);
    expect(board.every((n) => matchesFilter(n, EMPTY_FILTER, context))).toBe(true);
  });

  it('filters by type, keeping linked segments and channels visible', () => {
    expect(highlighted({ types: ['remote'] })).toEqual(['offices', 'email', 'support']);
  });

  it('filters by stage', () => {
    expect(highlighted({ stages: ['referral'] })).toEqual(['homes', 'shop', 'referral']);
  });

  it('filters by motivation', () => {
    expect(highlighted({ motivations: ['retention'] })).toEqual([
      'offices',
      'homes',
      'email',
      'support',
      'tutorials',
    ]);
  });

  it('filters by segment, keeping the chosen segment visible even when nothing serves it', () => {
    expect(highlighted({ segments: [id('homes')] })).toEqual([
      'offices',
      'homes',
      'email',
      'shop',
      'tutorials',
      'referral',
    ]);
    expect(highlighted({ segments: [id('homes')], types: ['remote'] })).toEqual(['homes']);
  });

  it('filters by status', () => {
    expect(highlighted({ statuses: ['current'] })).toEqual(['offices', 'email', 'support']);
  });

  it('filters by hypothesis state; an unset label never matches', () => {
    expect(highlighted({ hypotheses: ['untested'] })).toEqual([
      'offices',
      'homes',
      'email',
      'tutorials',
    ]);
  });

  it('takes values of one dimension as alternatives', () => {
    expect(highlighted({ types: ['remote', 'community'] })).toEqual([
      'offices',
      'homes',
      'email',
      'shop',
      'support',
      'referral',
    ]);
  });

  it('requires every dimension in a combination', () => {
    expect(highlighted({ statuses: ['planned'], motivations: ['retention'] })).toEqual([
      'offices',
      'homes',
      'email',
      'tutorials',
    ]);
    expect(highlighted({ statuses: ['current'], stages: ['referral'] })).toEqual([]);
  });

  it('never matches labels on a note outside the Customer Relationships block', () => {
    const moved = { ...note('keyActivities', 'moved'), relationship: { type: 'remote' as const } };
    const filter: BoardFilter = { types: ['remote'] };
    expect(matchesFilter(moved, filter, filterContext([moved], filter))).toBe(false);
  });
});
