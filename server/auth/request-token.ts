import type { IncomingMessage } from 'node:http';
import { PRIVATE_WRITER_PARAM, TOKEN_PARAM } from '../../lib/model/roles';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The board token a request carries: `?t=<token>` on its URL, or else an
 * `Authorization: Bearer <token>` header (API clients that keep secrets out of URLs).
 */
/** The private writer's secret a sync request carries (`?w=<secret>`), or null. */
export function privateWriterFromRequest(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://x').searchParams.get(PRIVATE_WRITER_PARAM);
  } catch {
    return null;
  }
}

export function tokenFromRequest(req: IncomingMessage): string | null {
  try {
    const fromQuery = new URL(req.url ?? '/', 'http://x').searchParams.get(TOKEN_PARAM);
    if (fromQuery) return fromQuery;
  } catch {
    // a target that is not a URL carries no token
  }
  return BEARER.exec(req.headers.authorization ?? '')?.[1] ?? null;
}
