'use client';
import { createContext, useContext } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { BoardId, NoteId, Role } from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import type { PresenceUser } from '@/lib/sync';
import type { useWorkshop } from './use-workshop';

/**
 * What the page decided for all its parts: who this is, what they may do, the composed
 * actions and the gestures that span parts. It changes rarely (a lock, a role, a reconnect),
 * never with the board's content, which each part reads from the session.
 */
export interface PageContextValue {
  boardId: BoardId;
  token: string;
  role: Role;
  user: PresenceUser | null;
  /** This browser's identity id (dot votes). */
  voter: string | null;
  /** A viewer's link. */
  readOnly: boolean;
  /** The page writes nothing (a viewer, or code older than the board's schema). */
  writesNothing: boolean;
  /** Nothing on the board may change here (the above, or the board lock). */
  contentReadOnly: boolean;
  /** The page's one composition of its actions (use-page-actions.ts), null until open. */
  actions: BoardActions | null;
  workshop: ReturnType<typeof useWorkshop>;
  setNotice(key: MessageKey | null): void;
  /** Selects a note and brings it to the middle of the screen (overview, warnings, votes). */
  showNote(id: NoteId): void;
  /** Opens a note's text editor, unless a lock keeps this person out of its block. */
  startEditing(id: NoteId): void;
  /** Links two notes, saying why when the model refuses. */
  connect(from: NoteId, to: NoteId): void;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const page = useContext(PageContext);
  if (!page) throw new Error('usePage outside a board page');
  return page;
}
