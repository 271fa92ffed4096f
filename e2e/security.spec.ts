import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { createNote, noteTextFragment, setBoardTitle } from '../lib/doc';
import type { BoardId } from '../lib/model';
import { docFromStored } from '../server/rooms/stored-doc';
import { SqliteStore } from '../server/store/sqlite-engine';
import { rawRequest } from '../test/helpers/raw-http';
import { expect, test } from './fixtures/test';

/**
 * A hostile board, as a stock client (or an edited database) can make one: HTML in note
 * texts and in the title, and a link whose stored `target`/`rel` ask for the opener. Its
 * payloads must not run, must not become elements, and following the link must neither hand
 * the new page the board's tab nor tell it the board's URL (which holds the token).
 */

const MARK = 'lienzo-pwned';
const HOSTILE_TEXTS = [
  `<img src=x onerror="console.log('${MARK}');alert('${MARK}')">`,
  `<script>console.log('${MARK}');alert('${MARK}')</script>`,
];
const HOSTILE_TITLE = `<img id="${MARK}" src=x onerror="alert('${MARK}')">`;

/** A page on another origin that records the Referer of every request it gets. */
async function startRecordingSite(): Promise<{ server: Server; url: string; referers: string[] }> {
  const referers: string[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/landing') referers.push(req.headers.referer ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>landing</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/landing`, referers };
}

/**
 * Writes the hostile content into a board's stored log directly, as the server would store a
 * peer's update: the server's value guard may refuse some of it on the wire, and the page
 * must be safe against boards stored before it did (or edited in the database).
 */
async function writeHostileBoard(dataDir: string, id: BoardId, linkHref: string): Promise<string> {
  const store = await SqliteStore.open(dataDir);
  try {
    const doc = docFromStored(id, (await store.loadLog({ board: id }))!);
    const before = Y.encodeStateVector(doc);
    setBoardTitle(doc, HOSTILE_TITLE);
    for (const [i, text] of HOSTILE_TEXTS.entries())
      createNote(doc, { x: 100, y: 100 + i * 150, author: 'Mallory', text });
    const linked = createNote(doc, { x: 1250, y: 100, author: 'Mallory' });
    doc.transact(() => {
      const text = new Y.XmlText();
      text.insert(0, 'read me', { link: { href: linkHref, target: '_blank', rel: 'opener' } });
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      noteTextFragment(doc, linked)!.insert(0, [paragraph]);
    });
    await store.appendUpdates({ board: id }, [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();
    return linked;
  } finally {
    await store.close();
  }
}

test('pages, the API and refusals carry the protective headers', async ({ server }) => {
  const board = await server.createBoard('Headers');
  const pages = await Promise.all([fetch(server.url), fetch(board.links.editor)]);
  const html = await Promise.all(pages.map((page) => page.text()));
  for (const [i, page] of pages.entries()) {
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(policy).not.toContain('unsafe-eval');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // Next put this response's nonce on its scripts.
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(html[i]).toContain(`nonce="${nonce}"`);
  }
  const api = await fetch(`${server.url}/api/boards/${board.id}${new URL(board.url).search}`);
  expect(api.status).toBe(200);
  expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  expect(api.headers.get('referrer-policy')).toBe('no-referrer');
  const forbidden = await fetch(`${server.url}/b/${board.id}`);
  expect(forbidden.status).toBe(403);
  expect(forbidden.headers.get('x-content-type-options')).toBe('nosniff');
  expect(forbidden.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html[0]!)?.[1];
  const file = await fetch(`${server.url}${script}`);
  expect(file.status).toBe(200);
  expect(file.headers.get('x-content-type-options')).toBe('nosniff');
});

test('a page path with broken percent-encoding is a 400, not a 500', async ({ server }) => {
  for (const path of ['/b/%zz', '/b/%C0%AE%C0%AE', '/b/%E2%82']) {
    const answer = await rawRequest(
      server.url,
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status, path).toBe(400);
    expect(answer.text).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
  }
});

test("a hostile board's payloads do not run, render as HTML or leak the URL", async ({
  server,
  openAs,
}) => {
  const site = await startRecordingSite();
  try {
    const created = await server.createBoard('To be poisoned');
    const linked = await writeHostileBoard(server.dataDir, created.id as BoardId, site.url);

    const alarms: string[] = [];
    const watch = (page: import('@playwright/test').Page) => {
      page.on('dialog', (dialog) => {
        alarms.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (message.text().includes(MARK)) alarms.push(`console: ${message.text()}`);
        if (/Content Security Policy/i.test(message.text())) alarms.push(`csp: ${message.text()}`);
      });
      page.on('pageerror', (error) => alarms.push(`error: ${error.message}`));
    };
    const context = await openAs(created.links.editor, 'Victim');
    const { page } = context;
    watch(page);
    await page.reload(); // with the listeners in place from the first script on
    await context.waitForStatus('connected');
    await context.waitForNote((note) => note.text.includes('<script>'));

    // The title and texts are text: no element came from them.
    await expect(page.getByTestId('board-title')).toHaveValue(HOSTILE_TITLE);
    expect(
      await page.locator(`#${MARK}, img[src="x"], script:not([src]):not([nonce])`).count(),
    ).toBe(0);

    // The link renders with our rel and target, not the stored ones.
    const at = await context.noteCenter(linked);
    await page.mouse.dblclick(at.x, at.y);
    const link = page.getByTestId('note-editor-content').locator('a');
    await expect(link).toHaveText('read me');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(link).toHaveAttribute('target', '_blank');
    // A link in an editing surface is not followed by a click; as read elsewhere it is.
    await link.evaluate((a) =>
      a.closest('[contenteditable]')?.setAttribute('contenteditable', 'false'),
    );
    const popupOpened = page.waitForEvent('popup');
    await link.click();
    const popup = await popupOpened;
    await popup.waitForLoadState();
    expect(popup.url()).toBe(site.url);
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    expect(site.referers).toEqual(['']);
    await popup.close();

    expect(alarms).toEqual([]);
  } finally {
    site.server.close();
  }
});
