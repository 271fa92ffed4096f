'use client';
import { useEffect, useState } from 'react';
import { docFromVersionState } from '../doc';
import { BoardSession } from '../session/board-session';
import { localConnection } from '../session/local-connection';

/**
 * A read-only session on a past version's document while it is shown, so the canvas draws
 * it exactly as it draws the live board (null for the live board).
 */
export function useVersionSession(state: Uint8Array | null): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    if (!state) return;
    const opened = new BoardSession({
      openBoard: () => localConnection(docFromVersionState(state)),
    });
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [state]);
  return state ? session : null;
}
