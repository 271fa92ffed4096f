/**
 * The Origin check of the WebSocket upgrade. Browsers send Origin with every WebSocket
 * handshake and page scripts cannot change it, so checking it stops a page on another site
 * from opening a socket to a board with the visitor's browser (cross-site WebSocket
 * hijacking). Requests without an Origin are allowed: they come from non-browser clients
 * (Node providers, scripts, tests), which could send any Origin they like anyway, so refusing
 * them would protect nothing. What protects a board from those is its unguessable id.
 */

/** The canonical form of an http(s) origin (`https://example.com:8443`), or null. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Parses LIENZO_ALLOWED_ORIGINS-style entries. Throws on an entry that is not a bare
 * http(s) origin, so a typo fails at start rather than locking users out later.
 */
export function parseAllowedOrigins(entries: readonly string[]): string[] {
  return entries.map((entry) => {
    const origin = normalizeOrigin(entry);
    const url = origin === null ? null : new URL(entry);
    const bare = url !== null && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!bare || entry.endsWith('?') || entry.endsWith('#'))
      throw new Error(`"${entry}" is not an origin like https://example.com[:port]`);
    return origin!;
  });
}

/**
 * True when a handshake may proceed: no Origin (not a browser), the app's own origin (the
 * request's Host, over http or https: TLS may end at a proxy in front of us), or a listed one.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  // "null" (sandboxed frames, file: pages) and anything not http(s) is a browser we cannot place.
  if (normalized === null) return false;
  if (host) {
    const own = [`http://${host}`, `https://${host}`].map(normalizeOrigin);
    if (own.includes(normalized)) return true;
  }
  return allowed.includes(normalized);
}
