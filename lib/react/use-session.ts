'use client';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { BoardId, NoteId, NoteRecord } from '../model';
import { privateWriterKey } from '../private-writer';
import { BoardSession } from '../session/board-session';
import { selectConnectors, selectFilledBlocks } from '../session/board-selectors';
import { DecorationStore } from '../session/note-decorations';
import { browserStorage } from '../storage';
import { connectBoard, connectDraft, syncUrlFor, type PresenceUser } from '../sync';

/** The open board's session, for every part of the page (null until it is open). */
export const SessionContext = createContext<BoardSession | null>(null);

/**
 * Opens a session for as long as the calling component is mounted, once the user is known
 * (null until then, and on the server). The user is read once: a rename later goes through
 * awareness, not a new session.
 */
export function useOpenSession(
  boardId: BoardId,
  token: string,
  user: PresenceUser | null,
  /** A view-only link: no local copy, no draft (see ConnectOptions.viewOnly). */
  viewOnly: boolean,
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  const ready = user !== null;
  useEffect(() => {
    if (!ready || !user) return;
    const syncUrl = syncUrlFor(window.location);
    const opened = new BoardSession({
      openBoard: (afterRefusal, onRefused) =>
        connectBoard(boardId, user, syncUrl, token, { viewOnly, afterRefusal, onRefused }),
      openDraft: viewOnly
        ? undefined
        : (onRefused) =>
            connectDraft(
              boardId,
              syncUrl,
              token,
              privateWriterKey(browserStorage(), boardId),
              onRefused,
            ),
    });
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
    // The user's later renames are sent by usePresenceSync; reopening would lose state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token, viewOnly, ready]);
  return session;
}

export function useSession(): BoardSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an open board');
  return session;
}

/**
 * One value read from the session: the component re-renders only when `select` returns
 * another object. `select` must return a cached value (the session's selectors do).
 */
export function useSessionValue<T>(select: (session: BoardSession) => T): T {
  const session = useSession();
  return useSyncExternalStore(
    session.subscribe,
    () => select(session),
    () => select(session),
  );
}

export const useNote = (id: NoteId): NoteRecord | undefined =>
  useSessionValue((s) => s.getNote(id));
export const useNoteIds = (): readonly NoteId[] => useSessionValue((s) => s.getNoteIds());
export const useIsSelected = (id: NoteId): boolean => useSessionValue((s) => s.isSelected(id));
export const useSelectedNotes = (): readonly NoteRecord[] =>
  useSessionValue((s) => s.getSelectedNotes());
export const useSnapshot = () => useSessionValue((s) => s.getSnapshot());
export const useConnection = () => useSessionValue((s) => s.getConnection());
export const usePeers = () => useSessionValue((s) => s.getPeers());
export const usePeople = () => useSessionValue((s) => s.getPeople());
export const useSyncStatus = () => useSessionValue((s) => s.getStatus());
export const useUndoState = () => useSessionValue((s) => s.getUndoState());
export const useWorkshopState = () => useSessionValue((s) => s.getWorkshop());
export const useDraftIds = () => useSessionValue((s) => s.getDraftIds());
export const useTitle = () => useSessionValue((s) => s.getTitle());
/** Every connector of the board (lib/session/board-selectors.ts). */
export const useConnectors = () => useSessionValue(selectConnectors);
/** The blocks holding at least one note, sorted. */
export const useFilledBlocks = () => useSessionValue(selectFilledBlocks);

/** The page's note decorations (filter, badges, dots), one store for the page's lifetime. */
export function useDecorationStore(): DecorationStore {
  const session = useSession();
  const [store] = useState(() => new DecorationStore(session));
  return store;
}
