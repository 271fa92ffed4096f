'use client';
import { useEffect, useMemo, useState } from 'react';
import { clearVote, closeVote, openVote, placeDot, readDots, readVote, removeDot } from '../doc';
import { ROOT, type BlockId, type NoteId, type VoteSettings } from '../model';
import type { BoardConnection } from '../sync';

/** The board's dot vote as React sees it: settings and every voter's stored dots. */
export interface VoteState {
  readonly vote: VoteSettings | null;
  readonly dots: ReadonlyMap<string, ReadonlyMap<NoteId, number>>;
}

const NO_VOTE: VoteState = { vote: null, dots: new Map() };

function readState(connection: BoardConnection): VoteState {
  const vote = readVote(connection.doc);
  return vote ? { vote, dots: readDots(connection.doc, vote) } : NO_VOTE;
}

/** Re-reads the vote whenever the workshop state or the dots change (small maps, cheap). */
export function useVoteState(connection: BoardConnection | null): VoteState {
  const [state, setState] = useState<VoteState>(NO_VOTE);
  useEffect(() => {
    if (!connection) return;
    const { doc } = connection;
    const roots = [doc.getMap(ROOT.workshop), doc.getMap(ROOT.votes)];
    const update = () => setState(readState(connection));
    update();
    for (const root of roots) root.observeDeep(update);
    return () => {
      for (const root of roots) root.unobserveDeep(update);
    };
  }, [connection]);
  return state;
}

export interface VoteActions {
  open(options: { dotsPerPerson: number; block: BlockId | null }): void;
  close(): void;
  clear(): void;
  placeDot(note: NoteId): void;
  removeDot(note: NoteId): void;
}

/** The vote's model functions bound to this board and this voter (the browser's user id). */
export function useVoteActions(
  connection: BoardConnection | null,
  voter: string | null,
): VoteActions | null {
  return useMemo(() => {
    if (!connection || !voter) return null;
    const { doc } = connection;
    return {
      open: (options) => void openVote(doc, options),
      close: () => closeVote(doc),
      clear: () => clearVote(doc),
      placeDot: (note) => placeDot(doc, voter, note),
      removeDot: (note) => removeDot(doc, voter, note),
    };
  }, [connection, voter]);
}
