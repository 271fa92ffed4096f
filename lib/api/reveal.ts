/** What the reveal did: notes placed on the board, and notes kept in drafts (a locked block). */
export interface RevealAnswer {
  revealed: number;
  held: number;
}

/**
 * The facilitator's reveal: POST /api/boards/<id>/reveal moves every private draft onto the
 * board and ends private writing (server/private/private-writing.ts); notes in a block locked
 * at that moment stay in their drafts. Answers the counts, or null when the server could not
 * be reached or refused.
 */
export async function revealPrivateNotes(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RevealAnswer | null> {
  try {
    const response = await fetchImpl(`/api/boards/${encodeURIComponent(boardId)}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const { revealed, held } = (await response.json()) as { revealed?: unknown; held?: unknown };
    if (typeof revealed !== 'number') return null;
    return { revealed, held: typeof held === 'number' ? held : 0 };
  } catch {
    return null;
  }
}
