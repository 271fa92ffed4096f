'use client';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import {
  addComment,
  boardRoots,
  openThreadCounts,
  docFromVersionState,
  commentsRoot,
  readBoard,
  readThreads,
  reopenThread,
  replyToThread,
  resolveThread,
  restoreBoard,
  type BoardSnapshot,
  type CommentThread,
} from '../doc';
import type { CommentId, NoteId } from '../model';
import type { BoardConnection } from '../sync';

/**
 * Hooks of the review features (comments and version history): the comment threads read from
 * the live document, and the review gestures bound to this board and this user. Each gesture
 * starts its own undo step, like the board's other gestures (lib/gestures/board-gestures.ts).
 */

type Threads = ReadonlyMap<NoteId, readonly CommentThread[]>;
const NO_THREADS: Threads = new Map();

/** How many open threads each note has, computed once per change of `threads`. */
export function useOpenThreadCounts(threads: Threads) {
  return useMemo(() => openThreadCounts(threads), [threads]);
}

/** The board's comment threads by note, read again when comments change or notes come and go. */
export function useCommentThreads(connection: BoardConnection | null): Threads {
  const cache = useRef<Threads>(NO_THREADS);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!connection) return () => {};
      const { doc } = connection;
      const comments = commentsRoot(doc);
      const { notes } = boardRoots(doc);
      const refresh = () => {
        cache.current = readThreads(doc);
        listener();
      };
      // Notes only matter when one is added or deleted (threads of deleted notes are hidden).
      const onNotes = (event: { keysChanged: Set<string> }) => {
        if (event.keysChanged.size > 0) refresh();
      };
      cache.current = readThreads(doc);
      comments.observeDeep(refresh);
      notes.observe(onNotes);
      return () => {
        comments.unobserveDeep(refresh);
        notes.unobserve(onNotes);
      };
    },
    [connection],
  );
  return useSyncExternalStore(
    subscribe,
    () => cache.current,
    () => NO_THREADS,
  );
}

export interface ReviewActions {
  comment(note: NoteId, text: string): void;
  reply(thread: CommentId, text: string): void;
  resolve(thread: CommentId): void;
  reopen(thread: CommentId): void;
  /** Makes the live board equal to a stored version (one undo step). */
  restore(state: Uint8Array): void;
}

export function useReviewActions(
  connection: BoardConnection | null,
  user: { id: string; name: string } | null,
): ReviewActions | null {
  return useMemo(() => {
    if (!connection || !user) return null;
    const { doc, undoManager } = connection;
    const by = { author: user.name, authorId: user.id };
    const gesture =
      <A extends unknown[]>(write: (...args: A) => void) =>
      (...args: A): void => {
        undoManager.stopCapturing();
        write(...args);
      };
    return {
      comment: gesture((note: NoteId, text: string) => void addComment(doc, note, text, by)),
      reply: gesture(
        (thread: CommentId, text: string) => void replyToThread(doc, thread, text, by),
      ),
      resolve: gesture((thread: CommentId) => resolveThread(doc, thread, user.name)),
      reopen: gesture((thread: CommentId) => reopenThread(doc, thread)),
      restore: gesture((state: Uint8Array) => {
        const version = docFromVersionState(state);
        try {
          restoreBoard(doc, version);
        } finally {
          version.destroy();
        }
      }),
    };
  }, [connection, user]);
}

/** A stored version read as a board, for the read-only canvas. */
export function readVersion(state: Uint8Array): BoardSnapshot {
  const doc = docFromVersionState(state);
  try {
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
}
