/**
 * The facilitator's calls for the share dialog: read the board's three links, and regenerate
 * the editor or viewer one. The token goes in an Authorization header rather than the URL,
 * so it stays out of request logs. The fetch function is passed in so tests need no server.
 */
import type { Role, SharedRole } from '@/lib/model/roles';

export type BoardLinks = Record<Role, string>;

export type LinksResult = { ok: true; links: BoardLinks } | { ok: false };

function linksEndpoint(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/links`;
}

function isLinks(value: unknown): value is BoardLinks {
  if (typeof value !== 'object' || value === null) return false;
  const links = value as Record<string, unknown>;
  return ['facilitator', 'editor', 'viewer'].every((role) => typeof links[role] === 'string');
}

async function linksFrom(request: Promise<Response>): Promise<LinksResult> {
  try {
    const response = await request;
    if (!response.ok) return { ok: false };
    const body = (await response.json()) as { links?: unknown };
    return isLinks(body.links) ? { ok: true, links: body.links } : { ok: false };
  } catch {
    return { ok: false };
  }
}

export function fetchBoardLinks(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LinksResult> {
  return linksFrom(
    fetchImpl(linksEndpoint(boardId), { headers: { authorization: `Bearer ${token}` } }),
  );
}

/** A new link for `role`; everyone who joined with the old one is disconnected. */
export function regenerateBoardLink(
  boardId: string,
  token: string,
  role: SharedRole,
  fetchImpl: typeof fetch = fetch,
): Promise<LinksResult> {
  return linksFrom(
    fetchImpl(linksEndpoint(boardId), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    }),
  );
}
