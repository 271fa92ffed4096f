import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { BoardId } from '../lib/model';
import { hashToken } from './auth/tokens';
import { BoardAccess } from './auth/board-access';
import {
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './config';
import type { RevokeLinkCommand } from './cluster/socket-commands';
import { startCluster } from './cluster/start-cluster';
import { API_PREFIX, createApiHandler } from './http/api';
import { connectionLimits } from './limits/connection-quota';
import { sendError, setBodyDeadline } from './http/json';
import { ClientQuotas, DEFAULT_QUOTAS, type QuotaLimits } from './http/quotas';
import { requestPath } from './http/request-path';
import { NON_PAGE_POLICY, setSecurityHeaders } from './http/security-headers';
import { childLogger, consoleLogger, errorMessage, type Logger } from './log';
import { ProcessHealthCheck } from './observability/process-health';
import { ServerMetrics, type RequestKind } from './observability/metrics';
import { METRICS_PATH, createMetricsHandler } from './observability/metrics-route';
import { boardDirectory, getBoardDirectory, setBoardDirectory } from './registry';
import { DEFAULT_COMPACTION, type CompactionPolicy } from './rooms/compaction';
import { BoardHistory } from './history/board-history';
import { draftLogOf } from './private/private-store';
import { RoomRegistry } from './rooms/room-registry';
import { StoreHealthCheck } from './store/health-check';
import { openStore } from './store/open-store';
import { isSequenced, type Store, type StoreConfig } from './store/store';
import { SyncServer } from './sync/sync-server';
import { createUpgradeHandler, isSyncPath } from './sync/upgrade';

export interface LienzoServerOptions {
  /** 0 picks a free port (tests); the handle's `port` says which. */
  port: number;
  /** Interface to listen on; default 0.0.0.0. */
  host?: string;
  /** Folder of the SQLite database; created if missing. */
  dataDir: string;
  /** LIENZO_DATABASE_URL: null or absent keeps SQLite in `dataDir` (store/open-store.ts). */
  databaseUrl?: string | null;
  /** LIENZO_REDIS_URL: set, this process relays its boards with the others (server/cluster). */
  redisUrl?: string | null;
  /** Test-only: SQLite's max_page_count (LIENZO_TEST_SQLITE_MAX_PAGES); see StoreConfig. */
  sqliteMaxPages?: number | null;
  /** Origins allowed to open the sync socket besides the app's own (see sync/origin.ts). */
  allowedOrigins?: string[];
  /** Largest sync frame in bytes; a bigger one closes its connection with 1009. */
  maxMessageBytes?: number;
  /** Every request outside /api/ and /sync: the Next app. Default: 404. */
  handleAppRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Upgrades outside /sync (Next's hot reload in development). Default: refused with 404. */
  handleAppUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Keep-alive ping interval (ms); default KEEPALIVE_INTERVAL_MS (30 s). */
  keepaliveIntervalMs?: number;
  /** When rooms fold their update log into a snapshot; defaults in rooms/compaction.ts. */
  compaction?: Partial<CompactionPolicy>;
  logger?: Logger;
  /** An automatic version of a board after this many minutes of activity (default 10). */
  snapshotMinutes?: number;
  /** Opens the store; default openStore (store/open-store.ts). Tests pass a failing one. */
  openStore?: (config: StoreConfig, logger: Logger) => Store | Promise<Store>;
  /** Awareness changes a connection may send a minute; more are dropped (default 4,800). */
  awarenessPerMinute?: number;
  /** Messages a connection may send a minute; more close it with 4429 (default 12,000). */
  messagesPerMinute?: number;
  /** A request's headers must arrive within this (ms), or 408; default 20 s. */
  headersTimeoutMs?: number;
  /** A whole request, body included, within this (ms) of its start, or 408; default 120 s. */
  requestTimeoutMs?: number;
  /** Per-address limits (server/http/quotas.ts); defaults in DEFAULT_QUOTAS. */
  quotas?: Partial<QuotaLimits>;
  /** True behind a reverse proxy that appends X-Forwarded-For (quotas.ts); default false. */
  trustProxy?: boolean;
  /**
   * Bearer token for GET /metrics from anywhere; without it only loopback peers may scrape
   * (observability/metrics-route.ts).
   */
  metricsToken?: string;
}

export interface LienzoServer {
  port: number;
  /** http://host:port, with localhost for a wildcard host. */
  url: string;
  /** Ids of the boards loaded in memory (tests, diagnostics). */
  loadedBoards(): string[];
  /**
   * This server's metrics: the store, the rooms and the cluster code record into it
   * (observability/metrics.ts), GET /metrics reads it.
   */
  metrics: ServerMetrics;
  /** Stops listening, closes every socket, stores what rooms hold and closes the store. */
  close(): Promise<void>;
}

/**
 * Node's own request timeout is this much later than ours: the body reader answers a slow
 * body with a 408 of its own at the request timeout (http/json.ts), and Node's, which only
 * destroys the socket once a response has begun, stays a backstop for requests nobody reads.
 */
const NODE_TIMEOUT_GRACE_MS = 1_000;
/** How often Node looks for requests past their timeouts, at most (ms). */
const MAX_TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** Timeouts are checked this many times within the shortest of them. */
const TIMEOUT_CHECKS_PER_PERIOD = 4;

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  sendError(res, 404, 'not found');
}

/** Who answers a request path: ours (API, metrics, sync's plain-HTTP refusal) or Next's. */
function requestKind(pathname: string | null): RequestKind {
  if (pathname === null) return 'page'; // refused with 400, counted with the pages
  if (pathname.startsWith(API_PREFIX)) return 'api';
  if (pathname === METRICS_PATH) return 'metrics';
  return isSyncPath(pathname) ? 'sync' : 'page';
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts Lienzo's HTTP server: the sync WebSocket at /sync/<boardId>, the API under /api/,
 * and everything else handed to the app (Next), on one port.
 */
export async function startLienzoServer(options: LienzoServerOptions): Promise<LienzoServer> {
  const logger = options.logger ?? consoleLogger;
  const metrics = new ServerMetrics();
  const host = options.host ?? '0.0.0.0';
  const storeConfig: StoreConfig = {
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl ?? null,
    sqliteMaxPages: options.sqliteMaxPages ?? null,
  };
  const store = await (options.openStore ?? openStore)(storeConfig, logger);
  // Connections are known only once SyncServer exists; the cluster needs its close hook first.
  let revoke: (command: RevokeLinkCommand) => void = () => {};
  const cluster = options.redisUrl
    ? await startCluster(options.redisUrl, store, logger, (command) => revoke(command))
    : null;
  const roomCluster =
    cluster && isSequenced(store)
      ? { store, bus: cluster.bus, awareness: cluster.awareness }
      : null;
  // Configured engines show on /metrics from the start; health checks keep them current.
  if (store.engine === 'postgres') metrics.reachability('postgres', true);
  if (cluster) metrics.reachability('redis', cluster.reachable);
  const history = new BoardHistory({
    store,
    logger,
    snapshotMinutes: options.snapshotMinutes,
  });
  const rooms = new RoomRegistry({
    store,
    logOf: (id) => ({ board: id as BoardId }),
    recordsSchema: true,
    logger,
    metrics,
    compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
    onRoomLoaded: history.onRoomLoaded,
    onRoomUnloading: history.onRoomUnloading,
    cluster: roomCluster,
  });
  history.attach(rooms);
  // Private writing's drafts: rooms of their own, each on a log of its own (server/private).
  const privateRooms = new RoomRegistry({
    store,
    logOf: draftLogOf,
    recordsSchema: false,
    logger,
    metrics,
    compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
    // A draft's room is `<board>.<writer>` (private/private-store.ts): its lines name both.
    roomLogger: (id) => childLogger(logger, { board: id.split('.')[0], draft: id }),
    cluster: roomCluster,
  });
  const sync = new SyncServer({
    rooms,
    privateRooms,
    logger,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    keepaliveIntervalMs: options.keepaliveIntervalMs,
    connectionLimits: connectionLimits(options.awarenessPerMinute, options.messagesPerMinute),
    revokedLinks: cluster?.commands,
  });
  revoke = ({ board, digest }) => sync.disconnectDigest(board, digest);
  const access = new BoardAccess(store);
  const quotas = new ClientQuotas(
    { ...DEFAULT_QUOTAS, ...options.quotas },
    options.trustProxy ?? false,
  );
  try {
    await access.bootstrap(logger);
  } catch (error) {
    await sync.close();
    history.close();
    await cluster?.close();
    await store.close();
    throw error;
  }
  const api = createApiHandler({
    store,
    health: new ProcessHealthCheck(new StoreHealthCheck(store), metrics, store.engine, cluster),
    rooms,
    access,
    logger,
    onLinkRevoked: (id, role, old) => {
      // The command reaches every process, this one included (socket-commands.ts).
      if (cluster) void cluster.commands.revokeLink({ board: id, role, digest: hashToken(old) });
      else sync.disconnectRole(id, role);
    },
    history,
    privateWriting: { rooms, privateRooms, store },
    quotas,
  });
  const app = options.handleAppRequest ?? notFound;
  metrics.observe({
    openSockets: () => sync.connectionCount,
    loadedBoards: () => rooms.loadedCount,
    loadedDrafts: () => privateRooms.loadedCount,
  });
  const serveMetrics = createMetricsHandler(metrics, options.metricsToken);

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const serverOptions = {
    headersTimeout,
    requestTimeout: requestTimeout + NODE_TIMEOUT_GRACE_MS,
    connectionsCheckingInterval: Math.min(
      MAX_TIMEOUT_CHECK_INTERVAL_MS,
      Math.ceil(headersTimeout / TIMEOUT_CHECKS_PER_PERIOD),
    ),
  };
  const server = createServer(serverOptions, (req, res) => {
    setSecurityHeaders(res);
    setBodyDeadline(req, Date.now() + requestTimeout);
    const pathname = requestPath(req.url);
    const kind = requestKind(pathname);
    res.once('finish', () => metrics.requestAnswered(kind, res.statusCode));
    if (kind === 'page' && pathname !== null) {
      app(req, res); // pages carry their own policy (proxy.ts)
      return;
    }
    res.setHeader('Content-Security-Policy', NON_PAGE_POLICY);
    if (pathname === null) sendError(res, 400, 'bad request target');
    else if (kind === 'api') api(req, res);
    else if (kind === 'metrics') serveMetrics(req, res);
    else sendError(res, 426, 'this endpoint only speaks WebSocket');
  });
  server.on(
    'upgrade',
    createUpgradeHandler({
      sync,
      access,
      logger,
      allowedOrigins: options.allowedOrigins ?? [],
      handleAppUpgrade: options.handleAppUpgrade,
      admitSocket: (request) => quotas.take('sockets', request),
    }),
  );
  // Every socket, upgraded ones included: closeAllConnections() only knows HTTP ones, and a
  // socket handed to Next (its hot-reload socket) would otherwise keep close() waiting.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sync.close();
    history.close();
    await cluster?.close();
    await store.close();
    throw error;
  }
  server.on('error', (error) => logger.error('http server error', errorMessage(error)));

  const directory = boardDirectory({
    exists: (id) => store.boardExists(id),
    roleFor: async (id, token) => {
      const checked = await access.check(id, token);
      return checked.ok ? checked.role : null;
    },
  });
  setBoardDirectory(directory);
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    if (getBoardDirectory() === directory) setBoardDirectory(null);
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    await sync.close();
    await Promise.all([rooms.closeAll(), privateRooms.closeAll()]);
    history.close();
    // After the rooms: leaving connections' removals went out; then bye.
    await cluster?.close();
    await store.close();
    server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
    await stopped;
  };

  return {
    port,
    url: `http://${urlHost(host)}:${port}`,
    loadedBoards: () => rooms.loadedIds(),
    metrics,
    close: () => (closing ??= close()),
  };
}
