'use client';
import { useSyncExternalStore } from 'react';
import type { BoardSnapshot } from '../doc';
import type { BoardConnection } from '../sync';

const EMPTY_SNAPSHOT: BoardSnapshot = {
  meta: { schemaVersion: 0, title: '', createdAt: 0 },
  notes: new Map(),
  ordered: [],
};
const noop = () => () => {};

/** The board's notes and meta, re-rendering only when the document changed. */
export function useBoardSnapshot(
  connection: Pick<BoardConnection, 'reader'> | null,
): BoardSnapshot {
  return useSyncExternalStore(
    connection ? connection.reader.subscribe : noop,
    connection ? connection.reader.getSnapshot : () => EMPTY_SNAPSHOT,
    () => EMPTY_SNAPSHOT,
  );
}
