'use client';
import { useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Role } from '@/lib/model';
import { draftRoutedActions } from '@/lib/react/draft-routed-actions';
import { boardActionsFor, useBoardActions } from '@/lib/react/use-board-actions';
import { useConnection, useSession, useSessionValue } from '@/lib/react/use-session';
import { useWorkshop } from './use-workshop';

/**
 * The page's one composition of its actions: the board's, routed into the private draft
 * while private writing is on, gated by the facilitator's locks (use-workshop.ts).
 */
export function usePageActions(role: Role, author: string, notify: (key: MessageKey) => void) {
  const session = useSession();
  const connection = useConnection();
  const draft = useSessionValue((s) => s.getDraft());
  const boardActions = useBoardActions(connection, author);
  // While private writing is on, this person's new notes go to their draft.
  const routed = useMemo(
    () =>
      boardActions && draft
        ? draftRoutedActions(boardActions, boardActionsFor(draft, author), draft)
        : boardActions,
    [boardActions, draft, author],
  );
  return useWorkshop(connection, role, routed, notify, session.getNote);
}
