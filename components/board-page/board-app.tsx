'use client';
import { useMemo } from 'react';
import { NameDialog } from '@/components/presence/name-dialog';
import { canEdit, type BoardId, type Role } from '@/lib/model';
import { useIdentity } from '@/lib/react/use-identity';
import { SessionContext, useOpenSession } from '@/lib/react/use-session';
import styles from './board-app.module.css';
import { BoardPage } from './board-page';

export interface BoardAppProps {
  boardId: BoardId;
  /** What the link allows (checked on the server); a viewer's page offers no editing. */
  role: Role;
  /** The link's token: passed to the sync socket, kept in the page address and recent list. */
  token: string;
}

/**
 * One board, open in this browser: its session (lib/session/board-session.ts), opened once
 * the person has a name, and the page that shows it.
 */
export default function BoardApp({ boardId, role, token }: BoardAppProps) {
  const { identity, setName } = useIdentity();
  const user = useMemo(
    () => (identity?.name ? { id: identity.id, name: identity.name, color: identity.color } : null),
    [identity],
  );
  const session = useOpenSession(boardId, token, user, !canEdit(role));
  return (
    <>
      {session && user ? (
        <SessionContext.Provider value={session}>
          <BoardPage
            boardId={boardId}
            role={role}
            token={token}
            user={user}
            voter={identity?.id ?? null}
          />
        </SessionContext.Provider>
      ) : (
        <div className={styles.app} />
      )}
      {identity && !identity.name && <NameDialog onSubmit={setName} />}
    </>
  );
}
