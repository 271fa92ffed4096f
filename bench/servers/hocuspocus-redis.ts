/**
 * Hocuspocus 4.7 with @hocuspocus/extension-redis 4.7, the peer a user would pick to run
 * Hocuspocus on several processes: a plain `Server` as in hocuspocus.ts, plus the Redis
 * extension with its documented defaults (prefix, lock and disconnect delays), given only
 * the Redis to use. The bench starts two of these on one Redis (LIENZO_BENCH_REDIS_URL) and
 * puts a board's clients on both, as Lienzo's cross-process case does.
 */
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import { serveUnderControl } from './control';

const redisUrl = process.env.LIENZO_BENCH_REDIS_URL;
if (!redisUrl) throw new Error('LIENZO_BENCH_REDIS_URL is not set');
const { hostname, port } = new URL(redisUrl);

await serveUnderControl(async () => {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    // No start screen; the bench owns this process's signals (control.ts).
    quiet: true,
    stopOnSignals: false,
    extensions: [new Redis({ host: hostname, port: Number(port) })],
  });
  await server.listen();
  return {
    port: server.address.port,
    close: () => server.destroy(),
  };
});
