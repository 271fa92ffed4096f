'use client';
import { useCallback, useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { BlockId, Role } from '@/lib/model';
import { isBlockLocked } from '@/lib/model/workshop-locks';
import { lockGatedActions, type LockRefusal } from '@/lib/react/lock-gated-actions';
import type { BoardActions } from '@/lib/react/use-board-actions';
import { useServerOffset } from '@/lib/react/use-server-offset';
import { useBoardLocks, useBoardTimer, useWorkshopActions } from '@/lib/react/use-workshop-tools';
import type { BoardConnection } from '@/lib/sync';

const REFUSAL_NOTICES: Record<LockRefusal, MessageKey> = {
  board: 'workshop.boardLockedRefusal',
  block: 'workshop.blockLockedRefusal',
};

/**
 * The facilitator's timer and locks on one page: what everyone sees, the facilitator's
 * gestures (null for others), and the board's actions with the locks applied for editors
 * (the facilitator is never locked out).
 */
export function useWorkshop(
  connection: BoardConnection | null,
  role: Role,
  boardActions: BoardActions | null,
  notify: (key: MessageKey) => void,
) {
  const isFacilitator = role === 'facilitator';
  const serverOffset = useServerOffset();
  const timer = useBoardTimer(connection);
  const locks = useBoardLocks(connection);
  const workshopActions = useWorkshopActions(connection, isFacilitator, serverOffset);
  const refuse = useCallback((why: LockRefusal) => notify(REFUSAL_NOTICES[why]), [notify]);
  const actions = useMemo(
    () =>
      boardActions && connection && !isFacilitator
        ? lockGatedActions(boardActions, connection.doc, refuse)
        : boardActions,
    [boardActions, connection, isFacilitator, refuse],
  );
  /** True when this person may not change notes in `block` (always false for a facilitator). */
  const lockedForMe = useCallback(
    (block: BlockId) => !isFacilitator && isBlockLocked(locks, block),
    [isFacilitator, locks],
  );
  return {
    serverOffset,
    timer,
    locks,
    workshopActions,
    actions,
    boardLocked: locks.board && !isFacilitator,
    lockedForMe,
    refuse,
  };
}
