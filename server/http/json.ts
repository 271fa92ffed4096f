import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest JSON body the API reads (bytes); a board title needs a few hundred at most. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // Boards change every second; no cache anywhere should answer for us.
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Every API error has the same shape: `{ "error": "<message>" }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error }, headers);
}

/** Refuses a method not in `allowed` with 405 and an Allow header; true when it may proceed. */
export function allowMethods(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
): boolean {
  if (allowed.includes(req.method ?? '')) return true;
  sendError(res, 405, `method ${req.method} not allowed`, { Allow: allowed.join(', ') });
  return false;
}

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; error: string }
  /** Not complete by the request's deadline (setBodyDeadline). */
  | { ok: false; status: 408; error: string };

/** A body that arrived in time, whole or not. */
export type TimelyBody = Exclude<BodyResult, { status: 408 }>;

/**
 * Answers a body the route could not read. After a 413 or a 408 the rest of the body is
 * unread: the connection is closed rather than the rest parsed as a next request.
 */
export function sendBodyRefusal(res: ServerResponse, body: BodyResult & { ok: false }): void {
  const unread = body.status === 413 || body.status === 408;
  sendError(res, body.status, body.error, unread ? { Connection: 'close' } : {});
}

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * When each request's body must have arrived (ms since the epoch), set by the server as the
 * request comes in (app-server.ts: its arrival plus the request timeout). A request without
 * one (a test calling a route directly) has no deadline.
 */
const bodyDeadlines = new WeakMap<IncomingMessage, number>();

export function setBodyDeadline(req: IncomingMessage, atMs: number): void {
  bodyDeadlines.set(req, atMs);
}

/**
 * Reads a JSON request body of at most `maxBytes`, before the request's deadline.
 * An empty body without a Content-Type counts as `{}` (so `curl -X POST` works); any other
 * body must say application/json. A body that is too big, or too slow (a client trickling
 * it to hold the socket), is not read to its end: the caller answers 413 or 408 and the
 * response closes the connection.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const contentType = req.headers['content-type'];
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (contentType !== undefined && !isJsonContentType(contentType))
    return { ok: false, status: 415, error: 'the body must be application/json' };
  if (declared > maxBytes) {
    req.resume(); // dropped, see readUpTo
    return tooLarge(maxBytes);
  }

  const body = await readUpTo(req, maxBytes, bodyDeadlines.get(req) ?? Infinity);
  if (body === 'late') return { ok: false, status: 408, error: 'the body arrived too slowly' };
  if (body === null) return tooLarge(maxBytes);
  const size = body.byteLength;
  if (size === 0 && contentType === undefined) return { ok: true, value: {} };
  if (contentType === undefined)
    return { ok: false, status: 415, error: 'the body must be application/json' };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, error: 'the body is not valid JSON' };
  }
}

function tooLarge(maxBytes: number): BodyResult {
  return { ok: false, status: 413, error: `the body must be at most ${maxBytes} bytes` };
}

/**
 * The body; null once it passes `maxBytes`; 'late' when it is not complete by `deadline`.
 * Past the limit the rest is read and dropped rather than left unread: a client still
 * sending would otherwise see a reset instead of our 413.
 */
function readUpTo(
  req: IncomingMessage,
  maxBytes: number,
  deadline: number,
): Promise<Buffer | null | 'late'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (outcome: null | 'late'): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.resume();
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
      else stop(null);
    };
    const left = deadline - Date.now();
    const timer = Number.isFinite(left) ? setTimeout(() => stop('late'), left) : undefined;
    req.on('data', onData);
    req.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
