import { NextResponse, type NextRequest } from 'next/server';
import { pageContentSecurityPolicy } from './server/http/security-headers';

/** Bytes of randomness in a script nonce: 128 bits, unguessable for the life of one page. */
const NONCE_BYTES = 16;

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(NONCE_BYTES))));
}

/**
 * Next's proxy (the renamed middleware): a fresh script nonce and Content-Security-Policy for
 * every page. Next reads the nonce from the request's policy header while rendering and puts
 * it on its own scripts; the response carries the same policy. The other protective headers
 * (nosniff, no-referrer, X-Frame-Options) are set by our server on every response
 * (server/http/security-headers.ts), pages or not.
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    host: request.headers.get('host'),
    development: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    // Pages only: static files and images carry no script, and /api is our server's.
    {
      source: '/((?!api/|_next/static|_next/image).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
