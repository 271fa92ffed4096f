import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_IMPORT_NOTES } from '../../lib/export/parse-board-file';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** Importing and storing 50,000 notes takes seconds; far more on a loaded machine. */
const LARGE_IMPORT_TIMEOUT_MS = 180_000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** A valid board file of `count` plain notes in Key partners, written as JSON by hand. */
function largeBoardFile(count: number): string {
  const notes = Array.from({ length: count }, (_, i) => ({
    id: `note_${String(i).padStart(16, '0')}`,
    block: 'keyPartners',
    x: 100 + (i % 100),
    y: 100 + Math.floor(i / 500),
    width: 160,
    height: 110,
    color: 'yellow',
    z: i + 1,
    author: 'Ana',
    createdAt: 1_700_000_000_000,
    text: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `n${i}` }] }],
    },
    relationship: {},
    links: { channels: [], segments: [] },
  }));
  return JSON.stringify({
    format: 'lienzo-board',
    formatVersion: 2,
    schemaVersion: 3,
    exportedAt: '2026-12-04T00:00:00.000Z',
    boardId: 'imported',
    title: 'Large',
    comments: [],
    notes,
  });
}

it(
  'a board imported with the most notes a file may hold is stored, not kept in memory',
  async () => {
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: largeBoardFile(MAX_IMPORT_NOTES),
    });
    expect(response.status).toBe(201);
    const { id, links } = (await response.json()) as { id: string; links: { viewer: string } };
    // Nobody has it open: no room, now or once pending work (an unload) has run.
    expect(server.server.loadedBoards()).not.toContain(id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.server.loadedBoards()).toEqual([]);
    // Reading it back (the API, an export) builds a throwaway document, not a room.
    const token = new URL(links.viewer).searchParams.get('t');
    const read = await fetch(`${server.url}/api/boards/${id}?t=${token}`);
    expect(((await read.json()) as { notes: unknown[] }).notes).toHaveLength(MAX_IMPORT_NOTES);
    expect(server.server.loadedBoards()).toEqual([]);
  },
  LARGE_IMPORT_TIMEOUT_MS,
);
