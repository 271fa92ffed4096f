/**
 * The History tab's calls: list a board's versions, save one, and fetch one's document. The
 * token goes in an Authorization header (as in board-links.ts). The fetch function is passed
 * in so tests need no server.
 */
export type VersionKind = 'manual' | 'auto-session-end' | 'auto-interval';

/** One saved version, as GET /api/boards/<id>/snapshots lists it. */
export interface VersionMeta {
  id: string;
  name: string;
  kind: VersionKind;
  createdAt: number;
}

function endpoint(boardId: string, versionId?: string): string {
  const base = `/api/boards/${encodeURIComponent(boardId)}/snapshots`;
  return versionId ? `${base}/${encodeURIComponent(versionId)}` : base;
}

function isVersionMeta(value: unknown): value is VersionMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.createdAt === 'number' &&
    (v.kind === 'manual' || v.kind === 'auto-session-end' || v.kind === 'auto-interval')
  );
}

function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The board's versions, newest first; null when the server could not be asked. */
export async function listVersions(
  boardId: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<VersionMeta[] | null> {
  try {
    const response = await fetchImpl(endpoint(boardId), { headers: auth(token) });
    if (!response.ok) return null;
    const body = (await response.json()) as { snapshots?: unknown };
    return Array.isArray(body.snapshots) ? body.snapshots.filter(isVersionMeta) : null;
  } catch {
    return null;
  }
}

/** Saves the board as it is now under `name`; null when refused or unreachable. */
export async function saveVersion(
  boardId: string,
  token: string,
  name: string,
  fetchImpl: typeof fetch = fetch,
): Promise<VersionMeta | null> {
  try {
    const response = await fetchImpl(endpoint(boardId), {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    if (response.status !== 201) return null;
    const body: unknown = await response.json();
    return isVersionMeta(body) ? body : null;
  } catch {
    return null;
  }
}

/** A version's whole document (Yjs update format v2); null when it cannot be had. */
export async function fetchVersionState(
  boardId: string,
  token: string,
  versionId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Uint8Array | null> {
  try {
    const response = await fetchImpl(endpoint(boardId, versionId), { headers: auth(token) });
    if (!response.ok) return null;
    const body = (await response.json()) as { state?: unknown };
    if (typeof body.state !== 'string') return null;
    return Uint8Array.from(atob(body.state), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
