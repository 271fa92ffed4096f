/**
 * Our server (startLienzoServer, without Next) in a child process under the bench's control,
 * configured as `npm start` configures it (readConfig: the environment the bench gives this
 * process, so LIENZO_DATABASE_URL and LIENZO_REDIS_URL when a scale-out section sets them),
 * apart from where it listens and its data dir, made by the bench and passed in
 * LIENZO_BENCH_DATA_DIR. The bench deletes it
 * after this process exits; this process also deletes it when it closes, so a bench killed
 * outright (its children close when the IPC channel drops) leaves nothing behind either.
 */
import { rmSync } from 'node:fs';
import { startLienzoServer } from '../../server/app-server';
import { readConfig } from '../../server/config';
import { serveUnderControl } from './control';

const dataDir = process.env.LIENZO_BENCH_DATA_DIR;
if (!dataDir) throw new Error('LIENZO_BENCH_DATA_DIR is not set');

await serveUnderControl(async () => {
  const server = await startLienzoServer({
    ...readConfig(),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // Info lines (board loaded, migrated) are noise in a bench; problems still show.
    logger: {
      info: () => {},
      warn: (message, ...details) => console.warn(`[ours] ${message}`, ...details),
      error: (message, ...details) => console.error(`[ours] ${message}`, ...details),
    },
  });
  return {
    port: server.port,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
