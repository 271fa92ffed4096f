'use client';
import { useCallback, useMemo } from 'react';
import { useLatest } from '@/components/board/use-latest';
import type { MessageKey } from '@/lib/i18n/messages';
import {
  boardGestures,
  type GestureRefusal,
  type OpenDoc,
  type WorkshopActions,
} from '@/lib/gestures';
import type { Role } from '@/lib/model';
import { lockRefusal, type NotePlace } from '@/lib/model/lock-rule';
import { useServerOffset } from '@/lib/react/use-server-offset';
import { useWorkshopState } from '@/lib/react/use-session';
import type { BoardConnection } from '@/lib/sync';

const REFUSAL_NOTICES: Record<GestureRefusal, MessageKey> = {
  board: 'workshop.boardLockedRefusal',
  block: 'workshop.blockLockedRefusal',
  'view-only': 'role.viewOnlyRefused',
  'facilitator-only': 'role.facilitatorOnlyRefused',
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
  // Read when a gesture runs: a new measure of the offset does not rebind every gesture.
  const offset = useLatest(serverOffset);
  const { timer, locks } = useWorkshopState();
  const refuse = useCallback((why: GestureRefusal) => notify(REFUSAL_NOTICES[why]), [notify]);
  const actions = useMemo(
    () =>
      connection
        ? boardGestures({
            board: connection,
            draft,
            author,
            role,
            onRefused: refuse,
            // The server's clock, so a started timer ends at the same instant everywhere.
            now: () => Date.now() + offset.current,
          })
        : null,
    [connection, draft, author, role, refuse, offset],
  );
  // The workshop's gestures are the table's too; only the facilitator is offered them.
  const workshopActions: WorkshopActions | null = isFacilitator ? actions : null;
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
