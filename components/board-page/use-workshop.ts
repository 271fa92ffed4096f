'use client';
import { useCallback, useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { NoteId, Role } from '@/lib/model';
import { lockRefusal, type NotePlace } from '@/lib/model/lock-rule';
import { lockGatedActions, type LockRefusal } from '@/lib/react/lock-gated-actions';
import type { BoardActions } from '@/lib/react/use-board-actions';
import { useServerOffset } from '@/lib/react/use-server-offset';
import { useWorkshopActions } from '@/lib/react/use-workshop-tools';
import { useWorkshopState } from '@/lib/react/use-session';
import type { BoardConnection } from '@/lib/sync';

const REFUSAL_NOTICES: Record<LockRefusal, MessageKey> = {
  board: 'workshop.boardLockedRefusal',
  block: 'workshop.blockLockedRefusal',
};

/**
 * The facilitator's timer and locks on one page: what everyone sees, the facilitator's
 * gestures (null for others), and the board's actions with the locks applied for editors
 * (the facilitator is never locked out). `noteAt` finds a note on the board or in this
 * person's private draft: both obey the board's locks (lib/model/lock-rule.ts).
 */
export function useWorkshop(
  connection: BoardConnection | null,
  role: Role,
  boardActions: BoardActions | null,
  notify: (key: MessageKey) => void,
  noteAt: (id: NoteId) => NotePlace | undefined,
) {
  const isFacilitator = role === 'facilitator';
  const serverOffset = useServerOffset();
  const { timer, locks } = useWorkshopState();
  const workshopActions = useWorkshopActions(connection, isFacilitator, serverOffset);
  const refuse = useCallback((why: LockRefusal) => notify(REFUSAL_NOTICES[why]), [notify]);
  const actions = useMemo(
    () =>
      boardActions && connection && !isFacilitator
        ? lockGatedActions(boardActions, connection.doc, refuse, (id) => noteAt(id) ?? null)
        : boardActions,
    [boardActions, connection, isFacilitator, refuse, noteAt],
  );
  /** True when this person may not change `note` where it is (never for a facilitator). */
  const lockedForMe = useCallback(
    (note: NotePlace) => !isFacilitator && lockRefusal(locks, note, note) !== null,
    [isFacilitator, locks],
  );
  const boardLocked = locks.board && !isFacilitator;
  // One object while nothing in it changed: the page's parts read it through its context.
  return useMemo(
    () => ({
      serverOffset,
      timer,
      locks,
      workshopActions,
      actions,
      boardLocked,
      lockedForMe,
      refuse,
    }),
    [serverOffset, timer, locks, workshopActions, actions, boardLocked, lockedForMe, refuse],
  );
}
