'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { BoardConnection } from '../sync';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

const NOTHING: UndoState = { canUndo: false, canRedo: false };
const UNDO_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

/** Whether the user has something of their own to undo or redo (for the buttons). */
export function useUndoState(connection: BoardConnection | null): UndoState {
  const cache = useRef<UndoState>(NOTHING);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!connection) return () => {};
      const manager = connection.undoManager;
      const onChange = () => {
        const next = { canUndo: manager.canUndo(), canRedo: manager.canRedo() };
        if (next.canUndo !== cache.current.canUndo || next.canRedo !== cache.current.canRedo) {
          cache.current = next;
          listener();
        }
      };
      for (const event of UNDO_EVENTS) manager.on(event, onChange);
      return () => {
        for (const event of UNDO_EVENTS) manager.off(event, onChange);
      };
    },
    [connection],
  );
  return useSyncExternalStore(
    subscribe,
    () => cache.current,
    () => NOTHING,
  );
}
