import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoots, createNote, initBoardDoc } from '../../lib/doc';
import { META_KEYS, SCHEMA_VERSION, newBoardId, type BoardId } from '../../lib/model';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { issueTokens } from '../auth/tokens';
import { createBoard } from '../boards';
import type { Logger } from '../log';
import { SqliteStore } from '../store/sqlite-engine';
import { DEFAULT_COMPACTION, type CompactionPolicy } from './compaction';
import { Room, type Participant } from './room';

const dirs: { remove(): void }[] = [];
const stores: SqliteStore[] = [];
const rooms: Room[] = [];

afterEach(async () => {
  for (const room of rooms.splice(0)) room.destroy();
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function openStore(): Promise<SqliteStore> {
  const dir = makeTempDir();
  dirs.push(dir);
  const store = await SqliteStore.open(dir.path);
  stores.push(store);
  return store;
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

async function load(
  store: SqliteStore,
  id: BoardId,
  options: { compaction?: CompactionPolicy; onMaterialized?: (room: Room) => void } = {},
): Promise<Room> {
  const room = await Room.load(id, {
    store,
    log: { board: id },
    recordsSchema: true,
    compaction: options.compaction ?? DEFAULT_COMPACTION,
    logger: quiet,
    onEmpty: () => {},
    onMaterialized: options.onMaterialized,
  });
  rooms.push(room);
  return room;
}

/** The room's answer to a sync step 1 with `stateVector`, once it is sent. */
function answerOf(room: Room, stateVector: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve) => room.missingFor(stateVector, resolve));
}

const empty = () => Y.encodeStateVector(new Y.Doc());

/** Lets the store's writes (and the relays after them) finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A board created as the API creates it, holding `notes` notes (one logged update each). */
async function boardWithNotes(
  store: SqliteStore,
  notes: number,
): Promise<{ id: BoardId; doc: Y.Doc }> {
  const { id } = await createBoard(store, 'Lazy');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await answerOf(await load(store, id), Y.encodeStateVector(doc)));
  const writes: Promise<void>[] = [];
  doc.on('update', (update: Uint8Array) =>
    writes.push(store.appendUpdates({ board: id }, [update])),
  );
  for (let i = 0; i < notes; i++) createNote(doc, { x: i, y: i, author: 'A', text: `n${i}` });
  await Promise.all(writes);
  return { id, doc };
}

function participant(): Participant & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return { received, send: (message) => received.push(message), close: () => {} };
}

const noteCount = (doc: Y.Doc) => boardRoots(doc).notes.size;

function docFrom(update: Uint8Array, base?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  Y.applyUpdate(doc, update);
  return doc;
}

describe('Room, loaded from its stored bytes', () => {
  it('answers a new client with every note before building its document', async () => {
    const store = await openStore();
    const { id } = await boardWithNotes(store, 30);
    const room = await load(store, id);
    expect(room.isMaterialized).toBe(false);
    const answer = await answerOf(room, empty());
    expect(room.isMaterialized).toBe(false);
    const client = docFrom(answer);
    expect(noteCount(client)).toBe(30);
    expect(boardRoots(client).meta.get(META_KEYS.title)).toBe('Lazy');
  });

  it('answers a client that has part of the board with the rest only', async () => {
    const store = await openStore();
    const { id, doc } = await boardWithNotes(store, 10);
    const partial = new Y.Doc();
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(doc));
    // The board moves on after this client saw it.
    for (let i = 0; i < 5; i++) createNote(doc, { x: 0, y: 0, author: 'B' });
    const room = await load(store, id);
    const stateVector = Y.encodeStateVector(partial);
    const answer = await answerOf(room, stateVector);
    expect(answer.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength / 2);
    expect(noteCount(docFrom(answer, partial))).toBe(15);
    expect(room.isMaterialized).toBe(false);
  });

  it('builds its document on demand, once, then answers from it', async () => {
    const store = await openStore();
    const { id } = await boardWithNotes(store, 5);
    const built: Room[] = [];
    const room = await load(store, id, { onMaterialized: (r) => built.push(r) });
    const waiting: string[] = [];
    room.whenMaterialized(() => waiting.push('step 1'));
    expect(waiting).toEqual([]);
    expect(noteCount(room.doc)).toBe(5);
    expect(room.isMaterialized).toBe(true);
    expect(waiting).toEqual(['step 1']);
    expect(built).toEqual([room]);
    room.materialize();
    room.whenMaterialized(() => waiting.push('now'));
    expect(waiting).toEqual(['step 1', 'now']);
    expect(built).toHaveLength(1);
    expect(noteCount(docFrom(await answerOf(room, empty())))).toBe(5);
  });

  it('builds its document on a later turn once asked to (after a first answer is sent)', async () => {
    const store = await openStore();
    const { id } = await boardWithNotes(store, 5);
    const room = await load(store, id);
    room.materializeSoon();
    expect(room.isMaterialized).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(room.isMaterialized).toBe(true);
  });

  it('stores, then relays, an update that arrives before the document is built, in order', async () => {
    const store = await openStore();
    const { id } = await boardWithNotes(store, 3);
    const room = await load(store, id);
    const [writer, watcher] = [participant(), participant()];
    room.join(writer);
    room.join(watcher);
    const rowsBefore = (await store.logStats(id)).rows;

    const local = new Y.Doc();
    const noteId = createNote(local, { x: 1, y: 2, author: 'Early', text: 'first!' });
    expect(room.isMaterialized).toBe(false);
    room.applyUpdate(Y.encodeStateAsUpdate(local), writer);
    expect(room.isMaterialized).toBe(true);
    // Stored, then relayed: nothing is sent before the write resolved.
    expect(watcher.received).toHaveLength(0);
    await settled();
    expect((await store.logStats(id)).rows).toBe(rowsBefore + 1);
    expect(watcher.received).toHaveLength(1);
    expect(writer.received).toHaveLength(0);
    expect(boardRoots(room.doc).notes.has(noteId)).toBe(true);
    room.destroy();

    // A restart: the update is in the store, after what was there.
    const reloaded = await load(store, id);
    const client = docFrom(await answerOf(reloaded, empty()));
    expect(noteCount(client)).toBe(4);
    expect(boardRoots(client).notes.has(noteId)).toBe(true);
  });

  it('closes everyone with 1011 and stays unusable when the build fails', async () => {
    const store = await openStore();
    // The store says "current", the document says a version no migration starts from.
    const id = newBoardId();
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Broken', createdAt: 1 });
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, 0);
    const snapshot = { format: 'v2', data: Y.encodeStateAsUpdateV2(doc) } as const;
    const docSchema = SCHEMA_VERSION;
    await store.createBoard(id, { createdAt: 1, docSchema }, snapshot, issueTokens().stored);
    const room = await load(store, id);
    const closed: number[] = [];
    room.join({ send: () => {}, close: (code) => closed.push(code) });
    const waiting: string[] = [];
    room.whenMaterialized(() => waiting.push('step 1'));

    expect(() => room.materialize()).toThrow(/no migration/);
    expect(closed).toEqual([1011]);
    expect(room.isMaterialized).toBe(false);
    expect(() => room.doc).toThrow(/no migration/);
    room.whenMaterialized(() => waiting.push('later'));
    expect(waiting).toEqual([]);
  });

  it('compacts a log that is due when it builds the document, not when it loads', async () => {
    const store = await openStore();
    const { id } = await boardWithNotes(store, 4);
    const room = await load(store, id, {
      compaction: { maxUpdates: 2, maxBytes: 1e9, quietMs: 0 },
    });
    expect((await store.logStats(id)).rows).toBe(5);
    room.materialize();
    await settled();
    expect(await store.logStats(id)).toMatchObject({ rows: 1, snapshots: 1 });
  });
});

describe('Room, for a board whose schema version the store does not know as current', () => {
  async function legacyBoard(store: SqliteStore, schemaVersion: number): Promise<BoardId> {
    const id = newBoardId();
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Old', createdAt: 1 });
    boardRoots(doc).meta.set(META_KEYS.schemaVersion, schemaVersion);
    const snapshot = { format: 'v1', data: Y.encodeStateAsUpdate(doc) } as const;
    await store.createBoard(id, { createdAt: 1, docSchema: null }, snapshot, issueTokens().stored);
    return id;
  }

  it('builds and migrates it before serving anyone, and records it as current', async () => {
    const store = await openStore();
    const id = await legacyBoard(store, 1);
    const room = await load(store, id);
    expect(room.isMaterialized).toBe(true);
    const client = docFrom(await answerOf(room, empty()));
    expect(boardRoots(client).meta.get(META_KEYS.schemaVersion)).toBe(SCHEMA_VERSION);
    await settled();
    expect((await store.loadLog({ board: id }))?.docSchema).toBe(SCHEMA_VERSION);
    room.destroy();
    // Known as current now: the next load serves it unbuilt.
    expect((await load(store, id)).isMaterialized).toBe(false);
  });

  it('leaves a board of a newer schema unrecorded, so each load checks it again', async () => {
    const store = await openStore();
    const id = await legacyBoard(store, SCHEMA_VERSION + 1);
    expect((await load(store, id)).isMaterialized).toBe(true);
    await settled();
    expect((await store.loadLog({ board: id }))?.docSchema).toBeNull();
  });
});
