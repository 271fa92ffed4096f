'use client';
import { memo, useEffect } from 'react';
import { countRender } from '@/components/board/render-count';
import { TopBar } from '@/components/top-bar/top-bar';
import { boardPath } from '@/lib/model';
import { rememberBoard } from '@/lib/recent-boards';
import { usePeople, useSyncStatus, useTitle } from '@/lib/react/use-session';
import { browserStorage } from '@/lib/storage';
import { usePage } from './page-context';

/**
 * The title, who is here and the sync status. It re-renders when one of them changes
 * (people without their cursors, so not while someone moves their pointer).
 */
export const TopBarPart = memo(function TopBarPart({ onHelp }: { onHelp(): void }) {
  countRender('top-bar');
  const { actions, boardId, role, token } = usePage();
  const title = useTitle();
  const people = usePeople();
  const status = useSyncStatus();
  // This browser's list of recent boards keeps the board's current title.
  useEffect(() => {
    if (title)
      rememberBoard(browserStorage(), { id: boardId, title, path: boardPath(boardId, token) });
  }, [boardId, token, title]);
  return (
    <TopBar
      title={title}
      onRename={(next) => actions?.renameBoard(next)}
      people={people}
      status={status}
      onHelp={onHelp}
      boardId={boardId}
      role={role}
      token={token}
    />
  );
});
