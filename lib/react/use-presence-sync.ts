'use client';
import { useCallback, useEffect, useRef } from 'react';
import type { NoteId, NoteRecord, Point } from '../model';
import { useConnection } from './use-session';
import type { BoardSession } from '../session/board-session';
import { updatePresence, type PresenceUser } from '../sync';

/** Cursor positions are sent at most this often: ~30 updates a second feels live. */
export const CURSOR_SYNC_INTERVAL_MS = 33;

/**
 * Publishes this participant's presence: name and colour, what they select and edit, and a
 * throttled cursor. Returns the cursor setter for the stage's pointer events.
 */
export function usePresenceSync(
  session: BoardSession,
  user: PresenceUser | null,
  editing: NoteId | null,
): (point: Point | null) => void {
  const connection = useConnection();
  useEffect(() => {
    if (user) updatePresence(connection.awareness, { user });
  }, [connection, user]);

  useEffect(() => {
    updatePresence(connection.awareness, { editing });
  }, [connection, editing]);

  // The selection is published as it changes, without re-rendering the page, in a task of
  // its own: a grab's pointer-down then does not also pay for everyone's presence update.
  useEffect(() => {
    let last: readonly NoteRecord[] | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      const now = session.getSelectedNotes();
      if (now === last) return;
      last = now;
      updatePresence(connection.awareness, { selection: now.map((note) => note.id) });
    };
    publish();
    const stop = session.selection.subscribe(() => {
      timer ??= setTimeout(publish, 0);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [connection, session]);

  const pending = useRef<{ point: Point | null; timer: ReturnType<typeof setTimeout> | null }>({
    point: null,
    timer: null,
  });
  useEffect(() => {
    const state = pending.current;
    return () => {
      if (state.timer) clearTimeout(state.timer);
    };
  }, []);

  return useCallback(
    (point: Point | null) => {
      const state = pending.current;
      state.point = point;
      if (state.timer) return;
      state.timer = setTimeout(() => {
        state.timer = null;
        updatePresence(connection.awareness, { cursor: state.point });
      }, CURSOR_SYNC_INTERVAL_MS);
    },
    [connection],
  );
}
