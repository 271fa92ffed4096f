import { BOARD_HEIGHT, BOARD_WIDTH, NOTE_COLORS } from '../lib/model';
import {
  exportFrom,
  importOnHomePage,
  pdfPageCount,
  pdfPageSize,
  pngPixel,
  pngSize,
  stableBoardFile,
} from './fixtures/export-board';
import type { BoardPage } from './fixtures/board-page';
import { ReviewPage } from './fixtures/history-page';
import { expect, test } from './fixtures/test';

/** Pixels per board unit of the exported image (components/export/board-image.ts). */
const IMAGE_SCALE = 2;

/**
 * A board with what an export must keep: rich text (bold, a bullet list) in a relationship
 * note, labelled and linked to a channel and a segment. Returns the notes' ids.
 */
async function fillBoard(board: BoardPage) {
  const channel = await board.addNote('channels', 'Email');
  const segment = await board.addNote('customerSegments', 'Freelancers');
  const relation = await board.createNoteInBlock('customerRelationships');
  await board.page.getByTestId('note-editor-content').focus();
  const keyboard = board.page.keyboard;
  await keyboard.type('Support ');
  await keyboard.press('Control+b');
  await keyboard.type('desk');
  await keyboard.press('Control+b');
  await keyboard.press('Enter');
  await keyboard.type('- by email'); // Tiptap turns "- " into a bullet list
  await keyboard.press('Enter');
  await keyboard.type('by phone');
  await keyboard.press('Shift+Home');
  board.page.once('dialog', (dialog) => void dialog.accept('https://example.com/phone'));
  await board.page.getByTestId('format-link').click();
  await expect(
    board.page.getByTestId('note-editor-content').locator('a[href="https://example.com/phone"]'),
  ).toHaveText('by phone');
  await board.stopEditing();
  await board.waitForNote(
    (n) => n.id === relation.id && n.text === 'Support desk\n• by email\n• by phone',
  );
  await board.clickNote(relation.id);
  const panel = board.page.getByTestId('relationship-editor');
  await panel.getByTestId('rel-type').selectOption('remote');
  await panel.getByTestId('rel-stage').selectOption('retention');
  await panel.getByTestId('rel-link-channel-add').selectOption(channel.id);
  await panel.getByTestId('rel-link-segment-add').selectOption(segment.id);
  await board.waitForNote((n) => n.id === relation.id && n.links.segments.length === 1);
  return { channel: channel.id, segment: segment.id, relation: relation.id };
}

/**
 * Comments an export must keep: on the relationship note a thread with a reply, resolved; on
 * the channel an open thread. The resolved thread leaves the list, so it is written first.
 */
async function commentBoard(board: BoardPage, ids: { channel: string; relation: string }) {
  const review = new ReviewPage(board);
  await review.openComments(ids.relation);
  await review.comment('Do freelancers pay monthly?');
  const thread = board.page.getByTestId('comment-thread');
  await thread.getByTestId('comment-reply-input').fill('Yes: 60% in the interviews.');
  await thread.getByTestId('comment-reply-submit').click();
  await expect(thread.getByTestId('comment-reply')).toContainText('Yes: 60% in the interviews.');
  await thread.getByTestId('comment-resolve').click();
  await expect(thread).toHaveCount(0);
  await review.openComments(ids.channel);
  await review.comment('Is email enough?');
  await expect.poll(() => review.commentBadge(ids.channel)).toBe('1');
  return review;
}

/** Waits until the server's board file has both threads and the reply (exports read it). */
async function serverHasComments(boardUrl: string) {
  const { origin, pathname, search } = new URL(boardUrl);
  const api = `${origin}/api/boards/${pathname.split('/').pop()}/export${search}`;
  await expect
    .poll(async () => {
      const file = await (await fetch(api)).json();
      return file.comments.map((c: { resolved: boolean; replies: unknown[] }) => [
        c.resolved,
        c.replies.length,
      ]);
    })
    .toEqual(
      expect.arrayContaining([
        [true, 1],
        [false, 0],
      ]),
    );
}

/** Waits until the server's copy of the board has the relationship's links (exports read it). */
async function serverHas(boardUrl: string, relation: string) {
  const { origin, pathname, search } = new URL(boardUrl);
  const api = `${origin}/api/boards/${pathname.split('/').pop()}${search}`;
  await expect
    .poll(async () => {
      const board = await (await fetch(api)).json();
      const note = board.notes.find((n: { id: string }) => n.id === relation);
      return note ? note.links.channels.length + note.links.segments.length : 0;
    })
    .toBe(2);
}

test.describe('export and import', () => {
  test('a JSON export imports from the home page as a new board that exports the same file', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Export round trip');
    const alice = await openAs(url, 'Alice');
    const ids = await fillBoard(alice);
    await commentBoard(alice, ids);
    await serverHas(url, ids.relation);
    await serverHasComments(url);

    const exported = await exportFrom(alice.page, 'json');
    expect(exported.name).toBe('export-round-trip.lienzo.json');
    const file = JSON.parse(exported.bytes.toString('utf8'));
    expect(file).toMatchObject({ format: 'lienzo-board', formatVersion: 2 });
    // By note in drawing order: which note is drawn first is not this test's concern.
    expect(file.comments).toHaveLength(2);
    expect(file.comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          note: ids.relation,
          author: 'Alice',
          text: 'Do freelancers pay monthly?',
          resolved: true,
          resolvedBy: 'Alice',
          replies: [expect.objectContaining({ text: 'Yes: 60% in the interviews.' })],
        }),
        expect.objectContaining({ note: ids.channel, resolved: false, replies: [] }),
      ]),
    );
    const relation = file.notes.find((n: { id: string }) => n.id === ids.relation);
    expect(relation.relationship).toMatchObject({ type: 'remote', stage: 'retention' });
    expect(relation.links).toEqual({ channels: [ids.channel], segments: [ids.segment] });
    expect(relation.text.content[0].content).toEqual([
      { type: 'text', text: 'Support ' },
      { type: 'text', text: 'desk', marks: [{ type: 'bold' }] },
    ]);
    expect(relation.text.content[1].type).toBe('bulletList');
    expect(JSON.stringify(relation.text.content[1])).toContain(
      '"marks":[{"type":"link","attrs":{"class":null,"href":"https://example.com/phone"',
    );

    const page = alice.page;
    await page.goto(server.url);
    await importOnHomePage(page, exported.name, exported.bytes);
    await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}\?t=[A-Za-z0-9_-]{22,}$/);
    expect(new URL(page.url()).pathname).not.toBe(new URL(url).pathname);
    await alice.waitForStatus('connected');
    await expect(page.getByTestId('board-title')).toHaveValue('Export round trip');
    await alice.waitForNote((n) => n.id === ids.relation && n.links.channels.length === 1);
    expect(await page.evaluate(() => window.__lienzo!.drawnConnectors())).toBe(2);
    // The threads are back on their notes: the open one counted, the resolved one listed.
    const review = new ReviewPage(alice);
    await expect.poll(() => review.commentBadge(ids.channel)).toBe('1');
    expect(await review.commentBadge(ids.relation)).toBeNull();
    await review.openComments(ids.relation);
    await page.getByTestId('comments-show-resolved').check();
    await expect(page.getByTestId('comment-resolved-by')).toHaveText('Resolved by Alice');
    await expect(page.getByTestId('comment-reply')).toContainText('Yes: 60% in the interviews.');

    const again = await exportFrom(page, 'json');
    expect(stableBoardFile(again.bytes)).toEqual(stableBoardFile(exported.bytes));
  });

  test('PNG and PDF hold the whole canvas whatever the zoom, for a viewer too', async ({
    server,
    openAs,
  }) => {
    const { url, links } = await server.createBoard('Picture this');
    const alice = await openAs(url, 'Alice');
    const ids = await fillBoard(alice);
    await serverHas(url, ids.relation);
    const viewer = await openAs(links.viewer, 'Victor');
    await viewer.waitForNote((n) => n.id === ids.relation && n.links.segments.length === 1);
    // Zoomed in: most of the canvas is off screen, yet the image holds all of it.
    for (let i = 0; i < 3; i++) await viewer.page.getByTestId('zoom-in').click();

    const png = await exportFrom(viewer.page, 'png');
    expect(png.name).toBe('picture-this.png');
    expect(png.bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(pngSize(png.bytes)).toEqual({
      width: BOARD_WIDTH * IMAGE_SCALE,
      height: BOARD_HEIGHT * IMAGE_SCALE,
    });
    expect(png.bytes.length).toBeGreaterThan(50_000);
    expect(png.bytes.length).toBeLessThan(20_000_000);
    // The segment note is drawn where it is on the board, in its colour.
    const segment = (await viewer.note(ids.segment))!;
    const pixel = await pngPixel(
      viewer.page,
      png.bytes,
      (segment.x + 4) * IMAGE_SCALE,
      (segment.y + segment.height - 4) * IMAGE_SCALE,
    );
    const hex = NOTE_COLORS[segment.color];
    const expected = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (const [i, channel] of expected.entries())
      expect(Math.abs(pixel[i]! - channel)).toBeLessThanOrEqual(8);

    const pdf = await exportFrom(viewer.page, 'pdf');
    expect(pdf.name).toBe('picture-this.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf.bytes)).toBe(1);
    expect(pdf.bytes.length).toBeGreaterThan(50_000);
    expect(pdfPageSize(pdf.bytes)).toEqual({ width: 842, height: 595 }); // A4, landscape

    // The viewer's summary, in Spanish, has the block and the relationships section.
    await viewer.page.getByTestId('lang-es').click();
    const summary = await exportFrom(viewer.page, 'md');
    const markdown = summary.bytes.toString('utf8');
    expect(markdown).toContain('# Picture this');
    expect(markdown).toContain('## Relaciones con los clientes\n\n- Support desk');
    expect(markdown).toContain('| Freelancers |');
    const csv = (await exportFrom(viewer.page, 'csv')).bytes.toString('utf8');
    expect(csv).toContain(ids.relation);
  });

  test('a bad file shows what is wrong and creates no board', async ({ server, page }) => {
    const { url } = await server.createBoard('Source');
    const source = new URL(url);
    const api = `${source.origin}/api/boards/${source.pathname.split('/').pop()}/export${source.search}`;
    const file = await (await fetch(api)).json();
    file.notes = [
      {
        id: 'note_AAAAAAAAAAAAAAAA',
        block: 'channels',
        x: 1250,
        y: 600,
        width: 160,
        height: 110,
        color: 'magenta',
        z: 1,
        author: 'Ana',
        createdAt: 1,
        text: { type: 'doc', content: [] },
        relationship: {},
        links: { channels: [], segments: [] },
      },
    ];

    await page.goto(server.url);
    await importOnHomePage(page, 'bad.json', JSON.stringify(file));
    const error = page.getByTestId('import-error');
    await expect(error).toContainText('no board was created');
    await expect(error).toContainText('notes[0] (note_AAAAAAAAAAAAAAAA).color');
    await expect(page).toHaveURL(`${server.url}/`);

    await importOnHomePage(page, 'notes.json', 'this is not JSON');
    await expect(error).toContainText('The file is not JSON.');
    await page.getByTestId('lang-es').click();
    await importOnHomePage(page, 'other.json', JSON.stringify({ hello: 'world' }));
    await expect(error).toContainText('No es un archivo de tablero de Lienzo');
    // In Spanish, every word of a problem is Spanish; only the path and the value are the file's.
    await importOnHomePage(page, 'bad.json', JSON.stringify(file));
    await expect(error).toContainText(
      'notes[0] (note_AAAAAAAAAAAAAAAA).color: "magenta" no es válido; debe ser el nombre de un color de la paleta.',
    );
    await expect(error).not.toContainText('colour');
    await expect(page.getByTestId('recent-board-link')).toHaveCount(0);
  });
});
