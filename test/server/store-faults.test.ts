import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNote } from '../../lib/doc';
import { DATABASE_FILE, SqliteStore } from '../../server/store/sqlite-engine';
import { startToExit } from '../helpers/child-server';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * The store's bad days, as an operator meets them, on real SQLite files: a full disk, another
 * process holding the write lock, a read-only data folder, a damaged database file.
 */

const cleanups: (() => unknown)[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(() => {
    chmodSync(temp.path, 0o755);
    temp.remove();
  });
  return temp.path;
}

async function testServer(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(options);
  cleanups.push(() => server.stop());
  return server;
}

function client(server: TestServer, id: string): TestClient {
  const created = connectClient(server.url, id, server.token(id));
  clients.push(created);
  return created;
}

/** GET /api/health, timed. */
async function health(server: TestServer) {
  const start = performance.now();
  const response = await fetch(`${server.url}/api/health`);
  const body = (await response.json()) as { ok: boolean; reason?: string };
  return { status: response.status, body, ms: performance.now() - start };
}

/** The longest the event loop went without running a 10 ms timer, while `during` runs. */
async function longestStall(during: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await during();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

/** Text that fills a few database pages per note (a text run is at most 20,000 characters). */
const BULKY_TEXT = 'x'.repeat(16_000);

describe('a full disk', () => {
  it('answers 503 with the reason, keeps newcomers waiting rather than closing them, and heals', async () => {
    const dataDir = tempDir();
    // A database that may not grow past MAX_PAGES, filled to the brim by another connection
    // (the operator's files, in effect), so that no write of the server's can find a page.
    const seeded = await SqliteStore.open(dataDir);
    await seeded.close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    const maxPages = (db.pragma('page_count', { simple: true }) as number) + 400;
    db.exec('CREATE TABLE filler (data BLOB NOT NULL)');
    const server = await testServer({ dataDir, sqliteMaxPages: maxPages });
    expect((await health(server)).status).toBe(200);
    const id = await server.createBoard('Full');
    const a = client(server, id);
    await a.synced;
    const notes = [createNote(a.doc, { x: 0, y: 0, author: 'A', text: BULKY_TEXT })];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fill = db.prepare('INSERT INTO filler VALUES (zeroblob(?))');
    while ((db.pragma('page_count', { simple: true }) as number) < maxPages) fill.run(1_000);
    db.close();

    // The next note cannot be stored: its writer is closed with 1011, the note kept in memory.
    const closed = new Promise<number>((resolve) =>
      a.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    notes.push(createNote(a.doc, { x: 100, y: 0, author: 'A', text: BULKY_TEXT }));
    expect(await closed).toBe(1011);

    // A newcomer stays connected, unsynced: not closed (and so not reconnecting in a loop).
    const b = client(server, id);
    const bClosed: number[] = [];
    b.provider.on('connection-close', (event: CloseEvent | null) => bClosed.push(event?.code ?? 0));
    await waitFor(async () => (await health(server)).status === 503, 'health to say 503');
    const sick = await health(server);
    expect(sick.body).toMatchObject({ ok: false, error: 'store unavailable' });
    expect(sick.body.reason).toMatch(/full/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(b.provider.wsconnected).toBe(true);
    expect(b.provider.synced).toBe(false);
    expect(bClosed).toEqual([]);

    // A small board may still fit in the pages' free space; once it does not, a clear 500.
    let created = await fetch(`${server.url}/api/boards`, { method: 'POST' });
    for (let i = 0; i < 200 && created.status === 201; i++)
      created = await fetch(`${server.url}/api/boards`, { method: 'POST' });
    expect(created.status).toBe(500);
    expect(await created.json()).toEqual({
      error: 'the board could not be stored: the server cannot write right now',
    });

    // The operator frees space: the room stores what it kept, the newcomer gets everything.
    const freeing = new Database(join(dataDir, DATABASE_FILE));
    freeing.exec('DELETE FROM filler');
    freeing.close();
    await b.synced.catch(() => {});
    await waitForNotes([b], notes, 10_000);
    await waitFor(async () => (await health(server)).status === 200, 'health to say 200 again');
    expect((await fetch(`${server.url}/api/boards`, { method: 'POST' })).status).toBe(201);

    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = client(server, id);
    await fresh.synced;
    expect(fresh.noteIds().sort()).toEqual([...notes].sort());
  }, 60_000);
});

/** Holds SQLite's write lock on `file` from another process until the returned call ends it. */
async function holdWriteLock(file: string): Promise<() => Promise<void>> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script, file], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    child.stdin.write('release\n');
    await exited;
  };
  cleanups.push(release);
  return release;
}

describe("another process holding SQLite's write lock", () => {
  it('never freezes the event loop; health says 503 quickly; writes land once it is released', async () => {
    const server = await testServer({});
    const id = await server.createBoard('Locked');
    const [a, b] = [client(server, id), client(server, id)];
    await Promise.all([a.synced, b.synced]);
    const before = createNote(a.doc, { x: 0, y: 0, author: 'A' });
    await waitForNotes([b], [before]);

    const release = await holdWriteLock(join(server.dataDir, DATABASE_FILE));
    const during: string[] = [];
    let sick: Awaited<ReturnType<typeof health>> | null = null;
    const stall = await longestStall(async () => {
      for (let i = 0; i < 10; i++) {
        during.push(createNote(a.doc, { x: 100 + i * 50, y: 100, author: 'A' }));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      sick = await health(server);
      // Not relayed: nothing was stored.
      expect(b.noteIds()).toEqual([before]);
    });
    expect(stall).toBeLessThan(200);
    expect(sick!.ms).toBeLessThan(200);
    expect(sick!.status).toBe(503);
    expect(sick!.body.reason).toMatch(/lock/);

    await release();
    await waitForNotes([b], [before, ...during]);
    await waitFor(async () => (await health(server)).status === 200, 'health to say 200 again');
    for (const c of clients.splice(0)) c.destroy();
    await server.restart();
    const fresh = client(server, id);
    await fresh.synced;
    expect(fresh.noteIds().sort()).toEqual([before, ...during].sort());
  }, 30_000);
});

/**
 * Makes `dir` read-only for the server. Root ignores permission bits, so as root the folder
 * is bind-mounted read-only onto itself (EROFS holds for root too); running the server as
 * another user instead would need every folder above the clone to be readable by that user.
 */
function makeReadOnly(dir: string): void {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return;
  }
  execFileSync('mount', ['--bind', dir, dir]);
  cleanups.push(() => execFileSync('umount', [dir]));
  execFileSync('mount', ['-o', 'remount,bind,ro', dir]);
}

/** One line on stderr, naming `what`, and no stack trace. */
function expectOneLine(stderr: string, what: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(what);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('a store that cannot open', () => {
  it('a read-only data folder: one line, no stack trace, a non-zero exit', async () => {
    const dataDir = tempDir();
    makeReadOnly(dataDir);
    const { code, stderr } = await startToExit(dataDir);
    expect(code).not.toBe(0);
    expectOneLine(stderr, /could not start: .*lienzo\.db/);
  }, 30_000);

  async function storedBoardFile(): Promise<{ dataDir: string; file: string }> {
    const dataDir = tempDir();
    const server = await startTestServer({ dataDir });
    await server.createBoard('Precious');
    await server.server.close();
    return { dataDir, file: join(dataDir, DATABASE_FILE) };
  }

  it('a database file truncated to zero is refused, and left as it is', async () => {
    const { dataDir, file } = await storedBoardFile();
    truncateSync(file, 0);
    const { code, stderr } = await startToExit(dataDir);
    expect(code).not.toBe(0);
    expectOneLine(stderr, /lienzo\.db is empty \(0 bytes\): refusing/);
    expect(statSync(file).size).toBe(0);
  }, 30_000);

  it('a database file with garbage pages is refused, and left as it is', async () => {
    const { dataDir, file } = await storedBoardFile();
    // Keep the header page, overwrite the rest with garbage.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const garbage = Buffer.alloc(size - 4096, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, 4096);
    closeSync(fd);
    const damaged = readFileSync(file);
    const { code, stderr } = await startToExit(dataDir);
    expect(code).not.toBe(0);
    expectOneLine(stderr, /lienzo\.db is damaged .*refusing/);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  }, 30_000);
});
