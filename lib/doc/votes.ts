import * as Y from 'yjs';
import {
  NOTE_KEYS,
  ROOT,
  WORKSHOP_KEYS,
  dotKey,
  isDotsPerPerson,
  isVoterId,
  newVoteId,
  parseDotKey,
  parseVoteSettings,
  type BlockId,
  type NoteId,
  type VoteSettings,
} from '../model';
import { boardRoots } from './board-doc';
import { ModelError } from './model-error';
import { LOCAL_ORIGIN } from './origins';

/**
 * Dot voting: the facilitator's settings in `workshop.vote`, the dots in `votes` (see
 * lib/model/vote.ts). One transaction per gesture. Not on the undo stack (the undo manager
 * tracks `meta` and `notes` only): a dot is taken back by removing it.
 */

function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.workshop);
}

function votesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ROOT.votes);
}

/** The current vote's settings, or null when there is none (or a peer wrote garbage). */
export function readVote(doc: Y.Doc): VoteSettings | null {
  return parseVoteSettings(workshopMap(doc).get(WORKSHOP_KEYS.vote));
}

function requireVote(doc: Y.Doc): VoteSettings {
  const vote = readVote(doc);
  if (!vote) throw new ModelError('no vote on this board');
  return vote;
}

/**
 * Opens a new vote (facilitator). Its dots map is created here, once, by the one person who
 * opens it: created lazily by the first voters, two maps made at once would lose one's dots.
 * A previous vote's dots are dropped in the same transaction.
 */
export function openVote(
  doc: Y.Doc,
  options: { dotsPerPerson: number; block: BlockId | null },
  now = Date.now(),
): VoteSettings {
  if (!isDotsPerPerson(options.dotsPerPerson))
    throw new ModelError(`invalid dots per person: ${options.dotsPerPerson}`);
  const settings: VoteSettings = {
    id: newVoteId(),
    dotsPerPerson: options.dotsPerPerson,
    block: options.block,
    state: 'open',
    openedAt: now,
    closedAt: null,
  };
  if (!parseVoteSettings(settings)) throw new ModelError('invalid vote settings');
  doc.transact(() => {
    const votes = votesMap(doc);
    for (const id of [...votes.keys()]) votes.delete(id);
    votes.set(settings.id, new Y.Map<unknown>());
    workshopMap(doc).set(WORKSHOP_KEYS.vote, settings);
  }, LOCAL_ORIGIN);
  return settings;
}

/** Closes the open vote (facilitator): the counts become visible to everyone. */
export function closeVote(doc: Y.Doc, now = Date.now()): void {
  const vote = requireVote(doc);
  if (vote.state === 'closed') return;
  doc.transact(
    () => workshopMap(doc).set(WORKSHOP_KEYS.vote, { ...vote, state: 'closed', closedAt: now }),
    LOCAL_ORIGIN,
  );
}

/** Removes the vote and its dots (facilitator), e.g. before the next exercise. */
export function clearVote(doc: Y.Doc): void {
  doc.transact(() => {
    workshopMap(doc).delete(WORKSHOP_KEYS.vote);
    const votes = votesMap(doc);
    for (const id of [...votes.keys()]) votes.delete(id);
  }, LOCAL_ORIGIN);
}

/** Dots per voter and note, as stored (before any cap); ignores keys and values that do not fit. */
export function readDots(doc: Y.Doc, vote: VoteSettings): Map<string, Map<NoteId, number>> {
  const byVoter = new Map<string, Map<NoteId, number>>();
  const dots = votesMap(doc).get(vote.id);
  if (!(dots instanceof Y.Map)) return byVoter;
  for (const [key, value] of dots.entries()) {
    const parsed = parseDotKey(key);
    if (!parsed || typeof value !== 'number' || !Number.isInteger(value) || value <= 0) continue;
    const notes = byVoter.get(parsed.voter) ?? new Map<NoteId, number>();
    notes.set(parsed.note, value);
    byVoter.set(parsed.voter, notes);
  }
  return byVoter;
}

function openVoteDots(doc: Y.Doc, voter: string): { vote: VoteSettings; dots: Y.Map<unknown> } {
  const vote = requireVote(doc);
  if (vote.state !== 'open') throw new ModelError('the vote is closed');
  if (!isVoterId(voter)) throw new ModelError(`invalid voter ${voter}`);
  const dots = votesMap(doc).get(vote.id);
  if (!(dots instanceof Y.Map)) throw new ModelError('the vote has no dots map');
  return { vote, dots };
}

/** Puts one of `voter`'s dots on a note. Refused beyond the vote's dots or outside its block. */
export function placeDot(doc: Y.Doc, voter: string, note: NoteId): void {
  const { vote, dots } = openVoteDots(doc, voter);
  const target = boardRoots(doc).notes.get(note);
  if (!target) throw new ModelError(`no note ${note} on this board`);
  if (vote.block && target.get(NOTE_KEYS.block) !== vote.block)
    throw new ModelError('this vote is on another block');
  // Dots left on notes deleted since do not count against the voter (nor in the tally).
  const mine = readDots(doc, vote).get(voter) ?? new Map<NoteId, number>();
  const notes = boardRoots(doc).notes;
  let used = 0;
  for (const [id, count] of mine) if (notes.has(id)) used += count;
  if (used >= vote.dotsPerPerson) throw new ModelError('no dots left');
  const key = dotKey(voter, note);
  const current = dots.get(key);
  doc.transact(
    () => dots.set(key, (typeof current === 'number' && current > 0 ? current : 0) + 1),
    LOCAL_ORIGIN,
  );
}

/** Takes one of `voter`'s dots back from a note (nothing to do when there is none). */
export function removeDot(doc: Y.Doc, voter: string, note: NoteId): void {
  const { dots } = openVoteDots(doc, voter);
  const key = dotKey(voter, note);
  const current = dots.get(key);
  if (typeof current !== 'number' || current <= 0) return;
  doc.transact(() => {
    if (current > 1) dots.set(key, current - 1);
    else dots.delete(key);
  }, LOCAL_ORIGIN);
}
