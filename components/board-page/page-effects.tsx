'use client';
import { useEffect, useLayoutEffect, useMemo, type RefObject } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { BoardFilter } from '@/lib/insights/filter';
import { countedDots, tallyVote } from '@/lib/insights/vote-tally';
import type { NoteId, NoteRecord } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import { useCommentThreads, useOpenThreadCounts } from '@/lib/react/use-review';
import { useConnection, useSessionValue } from '@/lib/react/use-session';
import { useVoteState } from '@/lib/react/use-vote';
import type { DecorationStore } from '@/lib/session/note-decorations';
import type { Refusal } from '@/lib/sync';
import type { Viewport } from '@/lib/view/viewport';
import { useTestHook } from './test-hook';

/** What the page says once the server refused a change and the board was reopened. */
const REFUSAL_NOTICES: Record<Refusal, MessageKey> = {
  locked: 'workshop.refused',
  rejected: 'sync.changeRejected',
  'view-only': 'role.viewOnlyRefused',
};

const NO_DOTS: ReadonlyMap<NoteId, number> = new Map();

/**
 * The page's parts that draw nothing: the notice after a refusal, the decorations' inputs
 * (filter, votes, comments, language) and the browser tests' hook.
 */
export function PageEffects(props: {
  decorations: DecorationStore;
  filter: BoardFilter;
  segmentColors: boolean;
  voter: string | null;
  setNotice(key: MessageKey): void;
  surfaceRef: RefObject<HTMLElement | null>;
  viewport: Viewport;
}) {
  const { decorations, filter, segmentColors, voter, setNotice } = props;
  const { t } = useI18n();
  const connection = useConnection();
  const draftRefusals = useSessionValue((s) => s.getDraftRefusals());
  // The server refused a change (a lock arrived mid-gesture, or a write on a view-only
  // link) and the board was reopened; or it refused a private draft change.
  useEffect(() => {
    if (connection.afterRefusal) setNotice(REFUSAL_NOTICES[connection.afterRefusal]);
  }, [connection, setNotice]);
  useEffect(() => {
    if (draftRefusals > 0) setNotice('workshop.refused');
  }, [draftRefusals, setNotice]);

  const { vote, dots } = useVoteState(connection);
  const threads = useCommentThreads(connection);
  const openThreads = useOpenThreadCounts(threads);
  // While a vote is open only this person's own dots show; once it is closed, everyone's.
  const voteDots = useMemo(
    () => (notes: ReadonlyMap<NoteId, NoteRecord>) => {
      if (!vote) return NO_DOTS;
      if (vote.state === 'closed') return tallyVote(vote, dots, notes);
      return voter ? countedDots(vote, dots.get(voter) ?? NO_DOTS, notes) : NO_DOTS;
    },
    [vote, dots, voter],
  );
  useLayoutEffect(() => {
    decorations.setInputs({ filter, segmentColors, dots: voteDots, openThreads, t });
  }, [decorations, filter, segmentColors, voteDots, openThreads, t]);

  useTestHook(connection, props.surfaceRef, props.viewport);
  return null;
}
