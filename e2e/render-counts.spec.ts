import { expect, test } from './fixtures/test';

/**
 * A remote move of one note re-renders, on the other person's page, that note's node and
 * nothing else of the page (components/board-page/render-count.ts counts each part's renders
 * in test builds). The parts that draw the other person's pointer may re-render too: their
 * pointer moved. Before the board session (lib/session), the whole page re-rendered.
 */
const SHOWS_THE_OTHER_POINTER = new Set(['remote-cursors']);
/** Time for the move's last awareness and document messages to arrive and render. */
const SETTLE_MS = 800;

test('a note moved by someone else re-renders only that note on my page', async ({
  server,
  openAs,
}) => {
  const { url, links } = await server.createBoard('Render counts');
  const alice = await openAs(url, 'Alice');
  const bob = await openAs(links.editor, 'Bob');
  const moved = await alice.addNote('valuePropositions', 'Moved');
  const still = await alice.addNote('channels', 'Still');
  await bob.waitForNote((n) => n.id === moved.id && n.text === 'Moved');
  await bob.waitForNote((n) => n.id === still.id && n.text === 'Still');
  // Alice's pointer rests off the note before Bob starts counting.
  await alice.page.mouse.click(5, 300);
  await bob.page.waitForTimeout(SETTLE_MS);

  await bob.page.evaluate(() => window.__lienzo!.resetRenders());
  const target = alice.blockCenter('valuePropositions');
  await alice.dragNoteTo(moved.id, { x: target.x + 60, y: target.y + 80 });
  const after = await bob.waitForNote((n) => n.id === moved.id && n.x !== moved.x);
  expect(after.y).not.toBe(moved.y);
  await bob.page.waitForTimeout(SETTLE_MS);

  const renders = await bob.page.evaluate(() => window.__lienzo!.renders());
  // The counter counts: the moved note's node rendered again.
  expect(renders[`note:${moved.id}`]).toBeGreaterThanOrEqual(1);
  const others = Object.keys(renders).filter(
    (part) => part !== `note:${moved.id}` && !SHOWS_THE_OTHER_POINTER.has(part),
  );
  expect(others, JSON.stringify(renders)).toEqual([]);
});
