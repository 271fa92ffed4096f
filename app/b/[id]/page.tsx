import { forbidden, notFound } from 'next/navigation';
import { BoardLoader } from '@/components/board-page/board-loader';
import { TOKEN_PARAM, isBoardId } from '@/lib/model';
import { getBoardDirectory } from '@/server/registry';

// Whether a board exists, and what a link allows, is known only at request time.
export const dynamic = 'force-dynamic';

interface BoardRouteProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /b/<id>?t=<token>: the board in the role its link's token grants; a clear 404 for an id
 * that was never created, and a 403 "you need a link" page for a missing or wrong token.
 */
export default async function BoardRoute({ params, searchParams }: BoardRouteProps) {
  const { id } = await params;
  const raw = (await searchParams)[TOKEN_PARAM];
  const token = typeof raw === 'string' ? raw : null;
  if (!isBoardId(id)) notFound();
  // The directory is set by the Lienzo server (server/main.ts) in this same process.
  const directory = getBoardDirectory();
  if (!directory || !(await directory.boardExists(id))) notFound();
  const role = await directory.roleFor(id, token);
  if (!role || !token) forbidden();
  return <BoardLoader boardId={id} role={role} token={token} />;
}
