import {
  startLienzoServer,
  type LienzoServer,
  type LienzoServerOptions,
} from '../../server/app-server';
import { recordingLogger } from './logger';
import { makeTempDir } from './temp-dir';

export interface TestServer {
  server: LienzoServer;
  dataDir: string;
  url: string;
  logger: ReturnType<typeof recordingLogger>;
  /** Creates a board through the API and returns its id. */
  createBoard(title?: string): Promise<string>;
  /** Closes the server and starts a new one on the same data dir (same options). */
  restart(): Promise<void>;
  /** Closes the server and deletes its data dir. */
  stop(): Promise<void>;
}

type Options = Partial<Omit<LienzoServerOptions, 'port' | 'host' | 'logger'>>;

/** The real server in-process on a free port of 127.0.0.1, with no Next (other paths 404). */
export async function startTestServer(options: Options = {}): Promise<TestServer> {
  const temp = options.dataDir ? null : makeTempDir();
  const dataDir = options.dataDir ?? temp!.path;
  const logger = recordingLogger();
  const start = () =>
    startLienzoServer({ ...options, port: 0, host: '127.0.0.1', dataDir, logger });
  const handle: TestServer = {
    server: await start(),
    dataDir,
    logger,
    get url() {
      return handle.server.url;
    },
    async createBoard(title) {
      const response = await fetch(`${handle.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(title === undefined ? {} : { title }),
      });
      if (response.status !== 201) throw new Error(`POST /api/boards: ${response.status}`);
      return ((await response.json()) as { id: string }).id;
    },
    async restart() {
      await handle.server.close();
      handle.server = await start();
    },
    async stop() {
      await handle.server.close();
      temp?.remove();
    },
  };
  return handle;
}
