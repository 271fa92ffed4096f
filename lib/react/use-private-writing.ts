'use client';
import { useEffect, useMemo, useState } from 'react';
import { mergeSnapshots, readBoardPrivateWriting, type BoardSnapshot } from '../doc';
import type { BoardId, NoteId } from '../model';
import { PRIVATE_WRITING_OFF } from '../model/private-writing';
import { privateWriterKey } from '../private-writer';
import { browserStorage } from '../storage';
import { connectDraft, syncUrlFor, type BoardConnection, type DraftConnection } from '../sync';
import { useBoardSnapshot } from './use-board-snapshot';
import { useWorkshopValue } from './use-workshop-value';

const NO_IDS: ReadonlySet<NoteId> = new Set();

export interface PrivateWritingState {
  /** The facilitator has private writing on. */
  on: boolean;
  /** The board's notes plus this person's draft notes. */
  snapshot: BoardSnapshot;
  /** Ids of the notes only this person sees (their draft). */
  draftIds: ReadonlySet<NoteId>;
  /** This person's private draft while it is open (lib/gestures routes their notes there). */
  draft: DraftConnection | null;
  /** A note as it is now, on the board or in the draft (for gestures that just created it). */
  liveNote(id: NoteId): ReturnType<BoardSnapshot['notes']['get']>;
  /** How many times the server refused a draft change (a lock) and the draft was reopened. */
  draftRefusals: number;
}

/**
 * Private writing on one page: while the facilitator has it on and this person may write,
 * a second connection holds their private draft, and notes they create go there.
 */
export function usePrivateWriting(
  connection: BoardConnection | null,
  boardId: BoardId,
  token: string,
  canWrite: boolean,
): PrivateWritingState {
  const { on } = useWorkshopValue(connection, readBoardPrivateWriting, PRIVATE_WRITING_OFF);
  const [draft, setDraft] = useState<DraftConnection | null>(null);
  // Bumped when the server refused a draft change: the draft is reopened from its copy.
  const [draftRefusals, setDraftRefusals] = useState(0);
  useEffect(() => {
    if (!on || !canWrite || !connection) return;
    const opened = connectDraft(
      boardId,
      syncUrlFor(window.location),
      token,
      privateWriterKey(browserStorage(), boardId),
      () => setDraftRefusals((count) => count + 1),
    );
    setDraft(opened);
    return () => {
      setDraft(null);
      opened.destroy();
    };
  }, [on, canWrite, connection, boardId, token, draftRefusals]);

  const boardSnapshot = useBoardSnapshot(connection);
  const draftSnapshot = useBoardSnapshot(draft);
  const snapshot = useMemo(
    () => mergeSnapshots(boardSnapshot, draftSnapshot),
    [boardSnapshot, draftSnapshot],
  );
  const draftIds = useMemo(
    () => (draftSnapshot.notes.size > 0 ? new Set(draftSnapshot.notes.keys()) : NO_IDS),
    [draftSnapshot],
  );
  const liveNote = useMemo(
    () => (id: NoteId) =>
      connection?.reader.getSnapshot().notes.get(id) ?? draft?.reader.getSnapshot().notes.get(id),
    [connection, draft],
  );
  return { on, snapshot, draftIds, draft, liveNote, draftRefusals };
}
