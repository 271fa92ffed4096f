'use client';
import { useCallback, useEffect, useRef } from 'react';
import type { NoteId, Point } from '@/lib/model';
import { updatePresence, type BoardConnection, type PresenceUser } from '@/lib/sync';

/** Cursor positions are sent at most this often: ~30 updates a second feels live. */
export const CURSOR_SYNC_INTERVAL_MS = 33;

/**
 * Publishes this participant's presence: name and colour, what they select and edit, and a
 * throttled cursor. Returns the cursor setter for the stage's pointer events.
 */
export function usePresenceSync(
  connection: BoardConnection | null,
  user: PresenceUser | null,
  selection: ReadonlySet<NoteId>,
  editing: NoteId | null,
): (point: Point | null) => void {
  useEffect(() => {
    if (connection && user) updatePresence(connection.awareness, { user });
  }, [connection, user]);

  useEffect(() => {
    if (connection) updatePresence(connection.awareness, { selection: [...selection], editing });
  }, [connection, selection, editing]);

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
      if (state.timer || !connection) return;
      state.timer = setTimeout(() => {
        state.timer = null;
        updatePresence(connection.awareness, { cursor: state.point });
      }, CURSOR_SYNC_INTERVAL_MS);
    },
    [connection],
  );
}
