import type { NoteId, NoteRecord, VoteSettings } from '../model';

/**
 * What a dot vote adds up to, from the dots as stored (lib/doc/votes.ts readDots). Pure, so
 * every peer computes the same counts. A peer running other code may write more dots than
 * allowed, or dots on notes outside the vote's block or gone since: such dots count for
 * nothing, so cheating gains nothing.
 */

/** A voter's dots that count: valid notes only, at most dotsPerPerson, in note id order. */
export function countedDots(
  vote: VoteSettings,
  dots: ReadonlyMap<NoteId, number>,
  notes: ReadonlyMap<NoteId, NoteRecord>,
): Map<NoteId, number> {
  const counted = new Map<NoteId, number>();
  let left = vote.dotsPerPerson;
  for (const id of [...dots.keys()].sort()) {
    const note = notes.get(id);
    if (!note || (vote.block && note.block !== vote.block) || left <= 0) continue;
    const taken = Math.min(dots.get(id)!, left);
    counted.set(id, taken);
    left -= taken;
  }
  return counted;
}

/** Dots per note over every voter. */
export function tallyVote(
  vote: VoteSettings,
  byVoter: ReadonlyMap<string, ReadonlyMap<NoteId, number>>,
  notes: ReadonlyMap<NoteId, NoteRecord>,
): Map<NoteId, number> {
  const totals = new Map<NoteId, number>();
  for (const dots of byVoter.values())
    for (const [id, count] of countedDots(vote, dots, notes))
      totals.set(id, (totals.get(id) ?? 0) + count);
  return totals;
}

export interface RankedNote {
  readonly note: NoteRecord;
  readonly dots: number;
  /** 1 for the most dots; notes with as many dots share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

/** Notes with at least one dot, most dots first; ties in the order given (reading order). */
export function rankNotes(
  totals: ReadonlyMap<NoteId, number>,
  inOrder: readonly NoteRecord[],
): RankedNote[] {
  const withDots = inOrder.filter((note) => (totals.get(note.id) ?? 0) > 0);
  const sorted = [...withDots].sort((a, b) => totals.get(b.id)! - totals.get(a.id)!);
  return sorted.map((note, index) => {
    const dots = totals.get(note.id)!;
    const firstWithAsMany = sorted.findIndex((other) => totals.get(other.id) === dots);
    return { note, dots, rank: (firstWithAsMany === -1 ? index : firstWithAsMany) + 1 };
  });
}

/** How many of her dots a voter has left. */
export function dotsLeft(vote: VoteSettings, counted: ReadonlyMap<NoteId, number>): number {
  let used = 0;
  for (const count of counted.values()) used += count;
  return Math.max(0, vote.dotsPerPerson - used);
}
