'use client';
import { useEffect, useState } from 'react';
import type { BoardId } from '../model';
import {
  connectBoard,
  syncUrlFor,
  type BoardConnection,
  type PresenceUser,
  type Refusal,
} from '../sync';

/**
 * Opens the board for as long as the calling component is mounted. Returns null until the
 * connection exists (first render, and on the server). The user is read once: a rename
 * later goes through awareness, not a new connection.
 */
export function useBoardConnection(
  boardId: BoardId,
  token: string,
  user: PresenceUser | null,
  /** A view-only link (see ConnectOptions.viewOnly). */
  viewOnly: boolean,
): BoardConnection | null {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  const ready = user !== null;
  // Bumped when the server refused a change: the board is reopened from the server's copy.
  const [refusals, setRefusals] = useState<{ count: number; last?: Refusal }>({ count: 0 });
  useEffect(() => {
    if (!ready || !user) return;
    const opened = connectBoard(boardId, user, syncUrlFor(window.location), token, {
      viewOnly,
      afterRefusal: refusals.last,
      onRefused: (why) => setRefusals(({ count }) => ({ count: count + 1, last: why })),
    });
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
    // The user's later renames are sent by usePresenceUpdater; reconnecting would lose state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token, viewOnly, ready, refusals.count]);
  return connection;
}
