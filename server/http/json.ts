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
  { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Reads a JSON request body of at most `maxBytes`. An empty body without a Content-Type
 * counts as `{}` (so `curl -X POST` works); any other body must say application/json.
 * A body that is too big is not read to its end: the caller answers 413 and the response
 * closes the connection.
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

  const body = await readUpTo(req, maxBytes);
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
 * The body, or null once it passes `maxBytes`. Past the limit the rest is read and dropped
 * rather than left unread: a client still sending would otherwise see a reset instead of
 * our 413.
 */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
