import type { ServerResponse } from 'node:http';

/**
 * The protective headers of every response, in one place. This file has no native imports:
 * proxy.ts (bundled by Next) reads the page policy from it too.
 *
 * - nosniff: a browser never guesses a type (a CSV or JSON download is never run as HTML).
 * - no-referrer: board URLs hold their link's token; no request leaving a page or the API
 *   may carry it to another site.
 * - DENY (and the CSPs' frame-ancestors 'none'): no site may frame a board (clickjacking).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** The policy of everything that is not a page (API answers, downloads): nothing may load. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sets SECURITY_HEADERS on a response before anyone (our routes or Next) writes it. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A Host header we can put in a policy as it is: a name or address and a port, nothing else. */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export interface PagePolicyInput {
  /** This response's script nonce (fresh random bytes, base64). */
  nonce: string;
  /** The Host the page was asked for: its WebSocket origin is the sync socket's. */
  host: string | null;
  /** `next dev` evaluates code to rebuild server error stacks: 'unsafe-eval', in dev only. */
  development: boolean;
}

/**
 * The Content-Security-Policy of a page. Scripts: our origin and this response's nonce (Next
 * puts it on its inline bootstrap scripts). Styles allow 'unsafe-inline': React renders style
 * attributes (note positions, colours) and Tiptap and Next insert inline style elements; a
 * style cannot run code, and scripts stay locked down. Images include data: and blob:, which
 * the PNG and PDF exports draw through. connect-src names the page's own ws:/wss: origin,
 * the sync socket, since older browsers do not count WebSockets as 'self'.
 */
export function pageContentSecurityPolicy({ nonce, host, development }: PagePolicyInput): string {
  const sockets = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
