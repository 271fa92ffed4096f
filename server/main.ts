import next from 'next';
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startLienzoServer, type LienzoServer } from './app-server';
import { readConfig } from './config';
import { requestPath } from './http/request-path';
import { errorMessage, type Logger } from './log';
import { createJsonLogger } from './observability/json-logger';
import { exitOnStartFailure } from './start-failure';
import { rejectUpgrade } from './sync/reject-upgrade';

/**
 * The process entry: Next and the sync server on one port (`npm run dev`; `npm start` runs
 * it through scripts/start.ts). Next renders the pages; our server owns /api/ and /sync.
 */

/** After a SIGTERM, how long (ms) the shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Where Next serves its own endpoints, the hot-reload socket among them. */
const NEXT_INTERNAL_PREFIX = '/_next/';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** JSON lines on stdout (observability/json-logger.ts); at info until the config is read. */
let logger: Logger = createJsonLogger();

async function main(): Promise<void> {
  const config = readConfig();
  logger = createJsonLogger(config.logLevel);
  const dev = process.env.NODE_ENV !== 'production';
  // In Next 16 a custom server's hot-reload socket is served only by an 'upgrade' listener
  // that Next adds, on its first request, to `httpServer` (or else to the server the request
  // came through); app.getUpgradeHandler() reaches a handler that does nothing with it. Next
  // gets an emitter of its own, and we forward to it just its own upgrades: it never sees a
  // /sync socket, and nothing is handled twice.
  const nextUpgrades = new EventEmitter();
  const app = next({
    dev,
    dir: repoRoot,
    hostname: config.host,
    port: config.port,
    httpServer: nextUpgrades as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server: LienzoServer = await startLienzoServer({
    ...config,
    logger,
    handleAppRequest: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // The path, never the query: a page's `?t=` is a board's token.
        logger.error(`${req.method} ${requestPath(req.url) ?? '(bad target)'} failed`, error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    },
    // Next's hot-reload socket (/_next/hmr) in development. Next leaves an upgrade it has no
    // route for hanging, so only its own paths go to it; in production nothing else upgrades.
    handleAppUpgrade: dev
      ? (req, socket, head) => {
          const forNext = req.url?.startsWith(NEXT_INTERNAL_PREFIX);
          if (forNext && nextUpgrades.listenerCount('upgrade') > 0)
            nextUpgrades.emit('upgrade', req, socket, head);
          else rejectUpgrade(socket, 404, 'no WebSocket endpoint here');
        }
      : undefined,
  });
  logger.info(
    `${dev ? 'development' : 'production'} server on ${server.url} (data in ${config.dataDir})`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error(`shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    Promise.all([server.close(), app.close()])
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error('shutdown failed', errorMessage(error));
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => exitOnStartFailure(error, logger));
