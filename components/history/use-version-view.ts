'use client';
import { useCallback, useState } from 'react';
import type { VersionMeta } from '@/lib/api/snapshots';
import type { BoardSnapshot } from '@/lib/doc/read-board';
import type { MessageKey } from '@/lib/i18n/messages';
import { useI18n } from '@/lib/react/i18n';
import { readVersion, type ReviewActions } from '@/lib/react/use-review';
import { useVersionHistory, type VersionHistory } from './use-version-history';
import { versionLabel } from './version-name';

/** A past version shown on the canvas instead of the live board. */
export interface OpenVersion {
  version: VersionMeta;
  board: BoardSnapshot;
  /** The version's document state (the canvas draws it through a session of its own). */
  state: Uint8Array;
}

export interface VersionView {
  history: VersionHistory;
  /** The version on the canvas, or null for the live board. */
  open: OpenVersion | null;
  /** The version whose state is being fetched (its buttons wait). */
  busy: string | null;
  show(version: VersionMeta): Promise<void>;
  back(): void;
  restore(version: VersionMeta): Promise<void>;
}

/**
 * Opening and restoring versions. A restore first saves the live board as "Before restoring
 * <name>" (so it can be had back from the list too), then writes the version onto the live
 * board in one undoable gesture (ReviewActions.restore). If that save fails nothing changes.
 */
export function useVersionView(
  boardId: string,
  token: string,
  review: ReviewActions | null,
  /** Tells the person how a restore went ('history.restored' or 'history.restoreFailed'). */
  onNotice: (key: MessageKey) => void,
): VersionView {
  const { t } = useI18n();
  const history = useVersionHistory(boardId, token);
  const [open, setOpen] = useState<OpenVersion | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const show = useCallback(
    async (version: VersionMeta) => {
      setBusy(version.id);
      const state = await history.load(version);
      setBusy(null);
      if (state) setOpen({ version, board: readVersion(state), state });
    },
    [history],
  );

  const restore = useCallback(
    async (version: VersionMeta) => {
      if (!review) return;
      setBusy(version.id);
      const before = await history.save(t('history.restoring', { name: versionLabel(version, t) }));
      const state = before ? await history.load(version) : null;
      setBusy(null);
      if (!state) {
        onNotice('history.restoreFailed');
        return;
      }
      review.restore(state);
      setOpen(null);
      onNotice('history.restored');
    },
    [history, review, t, onNotice],
  );

  return {
    history,
    open,
    busy,
    show,
    back: () => setOpen(null),
    restore,
  };
}
