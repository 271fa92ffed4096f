import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from './engine';
import { acceptsConnections, LOOPBACK } from './free-port';

const HAPROXY = process.env.LIENZO_HAPROXY ?? 'haproxy';
/**
 * The environment variable holding the port HAProxy must bind: the configuration says
 * `bind 127.0.0.1:"${LIENZO_PROXY_PORT}"` (HAProxy expands variables in double quotes).
 */
export const PROXY_PORT_VARIABLE = 'LIENZO_PROXY_PORT';

/** A running HAProxy (see Engine); `url` is its frontend's. */
export type HaproxyEngine = Engine & { url: string };

export interface HaproxyOptions {
  /** The configuration's text, or `file` a path to it. */
  config?: string;
  file?: string;
  /** More variables the configuration reads (backend addresses, ...). */
  env?: Record<string, string>;
  /**
   * A variable the configuration binds as a whole address (deploy/haproxy.cfg's
   * LIENZO_LISTEN): it is given `127.0.0.1:<port>` of the free port chosen.
   */
  listenVariable?: string;
}

/**
 * HAProxy in the foreground (`-db`) with the given configuration, on a free port handed to
 * it in LIENZO_PROXY_PORT. It answers once that port accepts connections.
 */
export async function startHaproxy(options: HaproxyOptions): Promise<HaproxyEngine> {
  const folder = mkdtempSync(join(tmpdir(), 'lienzo-haproxy-'));
  let file = options.file;
  if (!file) {
    if (options.config === undefined) throw new Error('startHaproxy: give config or file');
    file = join(folder, 'haproxy.cfg');
    writeFileSync(file, options.config);
  }
  const configFile = file;
  const engine = await Engine.launch(
    {
      name: 'HAProxy',
      command: HAPROXY,
      args: () => ['-db', '-f', configFile],
      spawnOptions: (port) => ({
        env: {
          ...process.env,
          ...options.env,
          [PROXY_PORT_VARIABLE]: String(port),
          ...(options.listenVariable ? { [options.listenVariable]: `${LOOPBACK}:${port}` } : {}),
        },
      }),
      answers: acceptsConnections,
      // SIGTERM is HAProxy's hard stop (connections cut), SIGKILL a crash.
      signals: { clean: 'SIGTERM', crash: 'SIGKILL' },
    },
    folder,
  );
  return Object.assign(engine, { url: `http://${LOOPBACK}:${engine.port}` });
}
