import { expect, test } from './fixtures/test';
import type { BoardPage } from './fixtures/board-page';

/** The notes in the order Konva draws them: the last is on top. */
const drawnOrder = (board: BoardPage) =>
  board.page.evaluate(() => window.__lienzo?.drawnNoteIds() ?? []);

/**
 * "Bring to front", a gesture of the table (lib/gestures/gesture-table.ts) offered for the
 * selection: by its button in the note panel and by its key, seen by the other person too.
 */
test('bring to front by its button and by its key raises the note for everyone', async ({
  server,
  openAs,
}) => {
  const { url } = await server.createBoard('Stacking');
  const alice = await openAs(url, 'Alice');
  const bob = await openAs(url, 'Bob');
  const bank = await alice.addNote('keyPartners', 'Bank');
  const shop = await alice.addNote('keyPartners', 'Shop', { x: 0, y: 160 });
  await expect.poll(() => drawnOrder(bob)).toEqual([bank.id, shop.id]);

  // The button, on the first note (now below the second).
  await alice.clickNote(bank.id);
  const button = alice.page.getByTestId('bring-to-front');
  await expect(button).toHaveText(/Bring to front/);
  await expect(button).toHaveAttribute('aria-keyshortcuts', ']');
  await button.click();
  await expect.poll(() => drawnOrder(bob)).toEqual([shop.id, bank.id]);
  await expect.poll(() => drawnOrder(alice)).toEqual([shop.id, bank.id]);
  const raised = await bob.waitForNote((n) => n.id === bank.id && n.z > shop.z);
  expect(raised.text).toBe('Bank');

  // The key, on the second note: the board has the focus after the click.
  await alice.clickNote(shop.id);
  await alice.page.keyboard.press(']');
  await expect.poll(() => drawnOrder(bob)).toEqual([bank.id, shop.id]);
  await expect.poll(() => drawnOrder(alice)).toEqual([bank.id, shop.id]);

  // One undo step each: undo puts the second note back under the first.
  await alice.page.keyboard.press('Control+z');
  await expect.poll(() => drawnOrder(bob)).toEqual([shop.id, bank.id]);

  // The help dialog lists the key with the gesture.
  await alice.page.keyboard.press('?');
  const help = alice.page.getByTestId('help-dialog');
  await expect(help.getByRole('row', { name: /Bring the selection to the front/ })).toContainText(
    ']',
  );
});
