'use client';
import dynamic from 'next/dynamic';
import type { BoardId, Role } from '@/lib/model';

// Konva needs a browser canvas: the board renders on the client only.
const BoardApp = dynamic(() => import('./board-app'), {
  ssr: false,
  loading: () => <div style={{ padding: 24 }} aria-busy="true" />,
});

export interface BoardLoaderProps {
  boardId: string;
  /** What the link's token allows, checked by the page on the server. */
  role: Role;
  /** The link's token, for the sync socket and the API. */
  token: string;
}

export function BoardLoader({ boardId, role, token }: BoardLoaderProps) {
  return <BoardApp boardId={boardId as BoardId} role={role} token={token} />;
}
