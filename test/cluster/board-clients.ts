import { createNote } from '../../lib/doc';
import { connectClient, waitForNotes, type TestClient } from '../helpers/clients';
import { tokensOf, type CreatedBoard } from '../helpers/test-server';

/** A board made through POST /api/boards of `url`, with its editor link's token. */
export interface Board {
  id: string;
  token: string;
}

export async function createBoard(url: string): Promise<Board> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 201) throw new Error(`POST /api/boards at ${url}: ${response.status}`);
  const created = (await response.json()) as CreatedBoard;
  return { id: created.id, token: tokensOf(created).editor };
}

/** Stock clients a test file opens, destroyed together after each test. */
export class Clients {
  private readonly open: TestClient[] = [];

  connect(url: string, board: Board): TestClient {
    const client = connectClient(url, board.id, board.token);
    this.open.push(client);
    return client;
  }

  destroyAll(): void {
    for (const client of this.open.splice(0)) client.destroy();
  }
}

/** Waits until every client holds exactly `ids`; the failure says what did not cross. */
export async function converge(
  clients: TestClient[],
  ids: string[],
  timeoutMs: number,
  what: string,
): Promise<void> {
  try {
    await waitForNotes(clients, ids, timeoutMs);
  } catch {
    const missing = clients.map((client, i) => {
      const held = new Set(client.noteIds());
      return `client ${i}: ${ids.filter((id) => !held.has(id)).length} of ${ids.length} missing`;
    });
    throw new Error(`${what} did not converge in ${timeoutMs} ms (${missing.join('; ')})`);
  }
}

/** Ids not in `stored`: what a check of PostgreSQL reports as lost. */
export function lost(ids: Iterable<string>, stored: readonly string[]): string[] {
  const held = new Set(stored);
  return [...ids].filter((id) => !held.has(id));
}

/**
 * Each writer adds `count` notes, `gapMs` apart; `ids` collects them as they are made.
 * Resolves when all are written.
 */
export async function burst(
  writers: TestClient[],
  count: number,
  gapMs: number,
  ids: string[],
): Promise<void> {
  await Promise.all(
    writers.map(async (writer, w) => {
      for (let n = 0; n < count; n++) {
        ids.push(createNote(writer.doc, { x: n, y: w, author: `w${w}`, text: `${w}.${n}` }));
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    }),
  );
}
