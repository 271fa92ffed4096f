// Next.js configuration. The app is served by our own HTTP server (server/main.ts), which
// also hosts the sync WebSocket on the same origin; Next only renders pages.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // better-sqlite3 is a native addon: load it with Node's require, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // Under `next dev`, pages opened at 127.0.0.1 (as the e2e tests do) must still hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  // forbidden() and app/forbidden.tsx: a board opened without its link answers 403.
  experimental: { authInterrupts: true },
};

export default nextConfig;
