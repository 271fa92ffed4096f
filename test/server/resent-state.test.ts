import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, readBoard, recolorNotes } from '../../lib/doc';
import { readBoardLocks, setBlockLocked } from '../../lib/doc/locks';
import type { Role } from '../../lib/model';
import { encodeSyncUpdate } from '../../server/sync/messages';
import { closeWithin, connectClient, type TestClient } from '../helpers/clients';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/**
 * A page that reopens a board loads its offline copy (y-indexeddb) into its document, and the
 * provider sends that load to the server as one update: everything the page knows, most of it
 * already in the room (the schema version, notes in locked blocks, values stored before the
 * server checked them). What the room has already is no write and must not be judged as one;
 * only what is new to the room is.
 */
let server: TestServer;
let id: string;
const clients: TestClient[] = [];

function client(role: Role): TestClient {
  const created = connectClient(server.url, id, server.token(id, role));
  clients.push(created);
  return created;
}

const colorOf = (c: TestClient, note: string) => readBoard(c.doc).notes.get(note as never)?.color;

beforeEach(async () => {
  server = await startTestServer();
  id = await server.createBoard('Resent');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.stop();
});

describe('an update re-sending what the room already has', () => {
  it('is taken (only its new part is judged), even under a lock and with the schema version in it', async () => {
    const facilitator = client('facilitator');
    const editor = client('editor');
    await Promise.all([facilitator.synced, editor.synced]);
    const partner = createNote(facilitator.doc, { x: 100, y: 100, author: 'F' });
    const channel = createNote(facilitator.doc, { x: 1250, y: 600, author: 'F' });
    setBlockLocked(facilitator.doc, 'keyPartners', true);
    await waitFor(
      () => readBoardLocks(editor.doc).blocks.includes('keyPartners') && !!colorOf(editor, channel),
      'the lock and the notes to reach the editor',
    );

    // What y-websocket sends when y-indexeddb loads a copy of the whole board.
    const closed = closeWithin(editor);
    editor.provider.ws!.send(encodeSyncUpdate(Y.encodeStateAsUpdate(editor.doc)));
    recolorNotes(editor.doc, [channel], 'green');
    expect(await closed).toEqual({ code: 0, reason: 'not closed' });
    await waitFor(() => colorOf(facilitator, channel) === 'green', 'the later edit to arrive');
    expect(colorOf(facilitator, partner)).toBeDefined();
  });
});
