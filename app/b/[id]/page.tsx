import { notFound } from 'next/navigation';
import { BoardLoader } from '@/components/board-page/board-loader';
import { isBoardId } from '@/lib/model';
import { getBoardDirectory } from '@/server/registry';

// Whether a board exists is known only at request time.
export const dynamic = 'force-dynamic';

/** /b/<id>: the board, or a clear 404 for an id that was never created. */
export default async function BoardRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isBoardId(id)) notFound();
  // The directory is set by the Lienzo server (server/main.ts) in this same process.
  if (!getBoardDirectory()?.boardExists(id)) notFound();
  return <BoardLoader boardId={id} />;
}
