import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { digestsEqual, hashToken } from '../auth/tokens';
import { allowMethods, sendError } from '../http/json';
import type { ServerMetrics } from './metrics';

/**
 * GET /metrics, for the operator's Prometheus and nobody else. Metrics say how busy the
 * server is and which engines are down: nothing a board link holder should read.
 *
 * - With `LIENZO_METRICS_TOKEN` set, a scrape must carry `Authorization: Bearer <token>`,
 *   from any address (a Prometheus on another machine). Never `?t=`: a query lands in
 *   access logs, and board tokens travel that way.
 * - Without it, only a peer on a loopback address may scrape, and only one whose request
 *   carries no forwarding header: a reverse proxy on the same machine (HAProxy in front)
 *   makes every outsider a loopback peer, but it says so by adding X-Forwarded-For or
 *   Forwarded. A same-machine proxy that adds neither must block /metrics itself, or the
 *   operator sets a token.
 */
export const METRICS_PATH = '/metrics';

/** A bearer token shorter than this is refused at start: it could be guessed. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Headers a proxy adds to say whom it forwards for; present, the peer is not the client. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/** Whether `address` (a socket's remoteAddress) is this machine: 127/8, ::1, or v4-mapped. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return address === '::1';
}

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** The rule above, for one request; `tokenDigest` is LIENZO_METRICS_TOKEN's digest, or null. */
export function metricsAccess(req: IncomingMessage, tokenDigest: Uint8Array | null): MetricsAccess {
  if (tokenDigest) {
    const offered = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (offered && digestsEqual(hashToken(offered), tokenDigest)) return { ok: true };
    return { ok: false, status: 401, reason: 'metrics need the operator token' };
  }
  const forwarded = FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined);
  if (isLoopbackAddress(req.socket.remoteAddress) && !forwarded) return { ok: true };
  return { ok: false, status: 403, reason: 'metrics are served to this machine only' };
}

/** The handler of GET /metrics; `token` is LIENZO_METRICS_TOKEN, or undefined. */
export function createMetricsHandler(
  metrics: ServerMetrics,
  token: string | undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  const tokenDigest = token ? hashToken(token) : null;
  return (req, res) => {
    if (!allowMethods(req, res, ['GET', 'HEAD'])) return;
    const access = metricsAccess(req, tokenDigest);
    if (!access.ok) {
      const challenge: Record<string, string> =
        access.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      sendError(res, access.status, access.reason, challenge);
      return;
    }
    metrics.text().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => sendError(res, 500, 'metrics could not be collected'),
    );
  };
}
