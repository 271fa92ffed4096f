import {
  startLienzoServer,
  type LienzoServer,
  type LienzoServerOptions,
} from '../../server/app-server';
import type { Role } from '../../lib/model';
import { recordingLogger } from './logger';
import { makeTempDir } from './temp-dir';

export interface TestServer {
  server: LienzoServer;
  dataDir: string;
  url: string;
  logger: ReturnType<typeof recordingLogger>;
  /** Creates a board through the API and returns its id; `token` gives its links' tokens. */
  createBoard(title?: string): Promise<string>;
  /** The token of a board's link for `role` (editor by default), as POST /api/boards gave it. */
  token(id: string, role?: Role): string;
  /** GET /api/boards/<id> with the board's editor token. */
  getBoard(id: string): Promise<Response>;
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
  const tokens = new Map<string, Record<Role, string>>();
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
      const created = (await response.json()) as CreatedBoard;
      tokens.set(created.id, tokensOf(created));
      return created.id;
    },
    token(id, role = 'editor') {
      const token = tokens.get(id)?.[role];
      if (!token) throw new Error(`no ${role} token for board ${id}`);
      return token;
    },
    getBoard(id) {
      return fetch(`${handle.url}/api/boards/${id}?t=${handle.token(id)}`);
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

export interface CreatedBoard {
  id: string;
  url: string;
  links: Record<Role, string>;
}

/** The tokens inside the three links of a POST /api/boards answer. */
export function tokensOf(created: CreatedBoard): Record<Role, string> {
  const token = (url: string) => new URL(url).searchParams.get('t') ?? '';
  return {
    facilitator: token(created.links.facilitator),
    editor: token(created.links.editor),
    viewer: token(created.links.viewer),
  };
}
