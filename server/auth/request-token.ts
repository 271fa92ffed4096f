import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../lib/model/roles';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The board token a request carries: `?t=<token>` on its URL, or else an
 * `Authorization: Bearer <token>` header (API clients that keep secrets out of URLs).
 */
export function tokenFromRequest(req: IncomingMessage): string | null {
  try {
    const fromQuery = new URL(req.url ?? '/', 'http://x').searchParams.get(TOKEN_PARAM);
    if (fromQuery) return fromQuery;
  } catch {
    // a target that is not a URL carries no token
  }
  return BEARER.exec(req.headers.authorization ?? '')?.[1] ?? null;
}
