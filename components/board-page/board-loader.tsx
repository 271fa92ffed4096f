'use client';
import dynamic from 'next/dynamic';
import type { BoardId } from '@/lib/model';

// Konva needs a browser canvas: the board renders on the client only.
const BoardApp = dynamic(() => import('./board-app'), {
  ssr: false,
  loading: () => <div style={{ padding: 24 }} aria-busy="true" />,
});

export function BoardLoader({ boardId }: { boardId: string }) {
  return <BoardApp boardId={boardId as BoardId} />;
}
