'use client';
import { useCallback, useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { boardGestures, type GestureRefusal, type OpenDoc } from '@/lib/gestures';
import type { Role } from '@/lib/model';
import { lockRefusal, type NotePlace } from '@/lib/model/lock-rule';
import { useServerOffset } from '@/lib/react/use-server-offset';
import { useBoardLocks, useBoardTimer, useWorkshopActions } from '@/lib/react/use-workshop-tools';
import type { BoardConnection } from '@/lib/sync';

const REFUSAL_NOTICES: Record<GestureRefusal, MessageKey> = {
  board: 'workshop.boardLockedRefusal',
  block: 'workshop.blockLockedRefusal',
  'view-only': 'role.viewOnlyRefused',
};

/**
 * The facilitator's timer and locks on one page: what everyone sees, the facilitator's
 * gestures (null for others), and the board's gestures for this person (lib/gestures: the
 * locks applied for editors, never for the facilitator; new notes into their private `draft`
 * while there is one, which obeys the board's locks too).
 */
export function useWorkshop(
  connection: BoardConnection | null,
  role: Role,
  draft: OpenDoc | null,
  author: string,
  notify: (key: MessageKey) => void,
) {
  const isFacilitator = role === 'facilitator';
  const serverOffset = useServerOffset();
  const timer = useBoardTimer(connection);
  const locks = useBoardLocks(connection);
  const workshopActions = useWorkshopActions(connection, isFacilitator, serverOffset);
  const refuse = useCallback((why: GestureRefusal) => notify(REFUSAL_NOTICES[why]), [notify]);
  const actions = useMemo(
    () =>
      connection
        ? boardGestures({ board: connection, draft, author, role, onRefused: refuse })
        : null,
    [connection, draft, author, role, refuse],
  );
  /** True when this person may not change `note` where it is (never for a facilitator). */
  const lockedForMe = useCallback(
    (note: NotePlace) => !isFacilitator && lockRefusal(locks, note, note) !== null,
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
