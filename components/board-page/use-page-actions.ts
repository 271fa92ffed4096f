'use client';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Role } from '@/lib/model';
import { useConnection, useSessionValue } from '@/lib/react/use-session';
import { useWorkshop } from './use-workshop';

/**
 * The page's one composition of its actions: the gesture table's (lib/gestures), routed into
 * the private draft while private writing is on, gated by the facilitator's locks.
 */
export function usePageActions(role: Role, author: string, notify: (key: MessageKey) => void) {
  const connection = useConnection();
  // While private writing is on, this person's new notes go to their draft (lib/gestures).
  const draft = useSessionValue((s) => s.getDraft());
  return useWorkshop(connection, role, draft, author, notify);
}
