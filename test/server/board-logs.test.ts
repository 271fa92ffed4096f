import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startLienzoServer, type LienzoServer } from '../../server/app-server';
import { createJsonLogger } from '../../server/observability/json-logger';
import { tokensOf, type CreatedBoard } from '../helpers/test-server';
import { closeOf, openSocket } from '../helpers/clients';
import type { StoreConfig } from '../../server/store/store';
import { FlakyStore } from '../helpers/flaky-store';
import { makeTempDir } from '../helpers/temp-dir';

/** A message type y-protocols does not have: the server closes the socket and logs it. */
const UNKNOWN_MESSAGE_TYPE = 99;

interface LogLine {
  level: string;
  msg: string;
  pid?: number;
  board?: string;
  [field: string]: unknown;
}

describe('structured logs on the wire', () => {
  const temp = makeTempDir();
  let server: LienzoServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => temp.remove());

  /** A server logging JSON lines into `lines`, as production logs them to stdout. */
  async function start(lines: LogLine[], openStore?: (config: StoreConfig) => Promise<FlakyStore>) {
    const logger = createJsonLogger('info', {
      write: (line: string) => lines.push(JSON.parse(line) as LogLine),
    });
    server = await startLienzoServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: temp.path,
      logger,
      ...(openStore ? { openStore } : {}),
    });
    const created = (await (
      await fetch(`${server.url}/api/boards`, { method: 'POST' })
    ).json()) as CreatedBoard;
    return { server, id: created.id, tokens: tokensOf(created) };
  }

  it('puts the board id and the process id on the lines about a board', async () => {
    const lines: LogLine[] = [];
    const { server, id, tokens } = await start(lines);

    // A connection's line: a raw socket sending a message type nobody knows.
    const { socket } = await openSocket(server.url, `/sync/${id}?t=${tokens.editor}`);
    const closed = closeOf(socket!);
    socket!.send(new Uint8Array([UNKNOWN_MESSAGE_TYPE]));
    expect((await closed).code).toBe(1003);
    // An API line: the facilitator regenerates the editor link.
    const regenerated = await fetch(`${server.url}/api/boards/${id}/links`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(regenerated.status).toBe(200);

    const closing = lines.find((line) => line.msg.includes('closing a connection'));
    const relinked = lines.find((line) => line.msg.includes('editor link regenerated'));
    for (const line of [closing, relinked]) {
      expect(line).toBeDefined();
      expect(line).toMatchObject({ board: id, pid: process.pid });
    }
    expect(closing).toMatchObject({ level: 'warn', detail: 'unknown message type 99' });
    expect(relinked?.level).toBe('info');
  });

  it('never writes a token from a failed request target into the log', async () => {
    const lines: LogLine[] = [];
    let store: FlakyStore | undefined;
    const { server, id, tokens } = await start(
      lines,
      async ({ dataDir }) => (store = await FlakyStore.open(dataDir)),
    );
    store!.failWrites = true;
    const failed = await fetch(`${server.url}/api/boards/${id}/links?t=${tokens.facilitator}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(failed.status).toBe(500);
    const failure = lines.find((line) => line.msg.includes('failed'));
    expect(failure?.msg).toBe(`POST /api/boards/${id}/links failed`);
    expect(JSON.stringify(lines)).not.toContain(tokens.facilitator);
  });

  it('prints the links of a board from before roles on one readable line naming the board', async () => {
    const { server, id } = await start([]);
    await server.close();
    // What a board of store schema 1 looks like: no links at all (the operator's database edit).
    const db = new Database(join(temp.path, 'lienzo.db'));
    db.prepare('DELETE FROM board_tokens WHERE board_id = ?').run(id);
    db.close();
    const lines: LogLine[] = [];
    await start(lines);
    const printed = lines.find((line) => line.msg.includes('had no share links'));
    expect(printed).toMatchObject({ level: 'info', board: id, pid: process.pid });
    expect(printed?.msg).toMatch(
      new RegExp(
        `^board ${id} had no share links; created them \\(shown once\\): facilitator /b/${id}\\?t=\\S+ editor /b/${id}\\?t=\\S+ viewer /b/${id}\\?t=\\S+$`,
      ),
    );
  });
});
