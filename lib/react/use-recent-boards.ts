'use client';
import { useMemo, useSyncExternalStore } from 'react';
import { parseRecentBoards, RECENT_BOARDS_KEY, type RecentBoard } from '../recent-boards';
import { browserStorage, readItem } from '../storage';

function subscribe(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === RECENT_BOARDS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** The stored text is a string, so the snapshot is stable between reads without a cache. */
const readStored = () => readItem(browserStorage(), RECENT_BOARDS_KEY);
const unknownOnServer = () => undefined;

/**
 * The boards opened in this browser, newest first, kept in step with other tabs. Undefined
 * during the server render and hydration (the server cannot see localStorage), so the page
 * can show neither a list nor an empty state until it knows.
 */
export function useRecentBoards(): readonly RecentBoard[] | undefined {
  const stored = useSyncExternalStore<string | null | undefined>(
    subscribe,
    readStored,
    unknownOnServer,
  );
  return useMemo(() => (stored === undefined ? undefined : parseRecentBoards(stored)), [stored]);
}
