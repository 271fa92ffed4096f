'use client';
import { useMemo } from 'react';
import { countedDots, tallyVote } from '@/lib/insights/vote-tally';
import type { NoteId, NoteRecord } from '@/lib/model';
import type { VoteState } from '@/lib/react/use-vote';

const NONE: ReadonlyMap<NoteId, number> = new Map();

/**
 * The dots the canvas draws: while a vote is open, only this person's own (the others stay
 * hidden until the close); once it is closed, everyone's counts.
 */
export function useVoteDots(
  { vote, dots }: VoteState,
  voter: string | null,
  notes: ReadonlyMap<NoteId, NoteRecord>,
): ReadonlyMap<NoteId, number> {
  return useMemo(() => {
    if (!vote) return NONE;
    if (vote.state === 'closed') return tallyVote(vote, dots, notes);
    return voter ? countedDots(vote, dots.get(voter) ?? NONE, notes) : NONE;
  }, [vote, dots, voter, notes]);
}
