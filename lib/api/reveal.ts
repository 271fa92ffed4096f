/**
 * The facilitator's reveal: POST /api/boards/<id>/reveal moves every private draft onto the
 * board and ends private writing (server/private/private-writing.ts). Answers how many notes
 * appeared, or null when the server could not be reached or refused.
 */
export async function revealPrivateNotes(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<number | null> {
  try {
    const response = await fetchImpl(`/api/boards/${encodeURIComponent(boardId)}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { revealed?: unknown };
    return typeof body.revealed === 'number' ? body.revealed : null;
  } catch {
    return null;
  }
}
