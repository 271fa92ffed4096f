import { expect, test } from './fixtures/test';
import type { BoardPage } from './fixtures/board-page';

/** Selects a note and adds `count` of this person's dots to it from the vote panel. */
async function addDots(person: BoardPage, noteId: string, count: number): Promise<void> {
  await person.clickNote(noteId);
  for (let i = 0; i < count; i++) await person.page.getByTestId('vote-add-dot').click();
}

test.describe('dot voting', () => {
  test('a full vote: dots hidden from the others while open, counts and ranking for all after the close', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Vote');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');
    const bank = await facilitator.addNote('channels', 'Bank');
    const shop = await facilitator.addNote('channels', 'Shop', { x: 0, y: 130 });
    const partner = await facilitator.addNote('keyPartners', 'Insurer');
    for (const person of [editor, viewer]) await person.waitForNote((n) => n.id === partner.id);

    // Only the facilitator can start a vote: 3 dots each, on the Channels block only.
    await expect(editor.page.getByTestId('vote-starter')).toHaveCount(0);
    await facilitator.page.getByTestId('vote-starter').locator('summary').click();
    await facilitator.page.getByTestId('vote-dots-input').fill('3');
    await facilitator.page.getByTestId('vote-block-select').selectOption('channels');
    await facilitator.page.getByTestId('vote-open').click();

    const editorStatus = editor.page.getByTestId('vote-status');
    await expect(editorStatus).toContainText('3 of 3');
    await expect(viewer.page.getByTestId('vote-status')).toContainText('Results appear');
    await expect(editor.page.getByTestId('vote-close')).toHaveCount(0);

    // The editor spends all three dots; a note of another block takes none.
    await addDots(editor, bank.id, 2);
    await addDots(editor, shop.id, 1);
    await expect(editorStatus).toContainText('0 of 3');
    await expect(editor.page.getByTestId('vote-add-dot')).toBeDisabled();
    await editor.clickNote(partner.id);
    await expect(editor.page.getByTestId('vote-add-dot')).toHaveCount(0);
    await editor.clickNote(shop.id);
    await editor.page.getByTestId('vote-remove-dot').click();
    await addDots(editor, bank.id, 1);
    await expect.poll(() => editor.noteDots(bank.id)).toBe(3);
    await expect.poll(() => editor.noteDots(shop.id)).toBe(0);

    // The facilitator votes too, and sees only her own dots: nobody sees the others' yet.
    await addDots(facilitator, shop.id, 1);
    await expect.poll(() => facilitator.noteDots(shop.id)).toBe(1);
    await expect.poll(() => facilitator.noteDots(bank.id)).toBe(0);
    expect(await viewer.noteDots(bank.id)).toBe(0);
    for (const person of [facilitator, editor, viewer])
      await expect(person.page.getByTestId('vote-ranking')).toHaveCount(0);

    // The close shows everyone the same counts and ranking.
    await facilitator.page.getByTestId('vote-close').click();
    for (const person of [facilitator, editor, viewer]) {
      const ranking = person.page.getByTestId('vote-ranking').locator('li');
      await expect(ranking).toHaveCount(2);
      await expect(ranking.nth(0)).toHaveAttribute('data-note', bank.id);
      await expect(ranking.nth(0)).toContainText('3 dots');
      await expect(ranking.nth(1)).toHaveAttribute('data-note', shop.id);
      await expect(ranking.nth(1)).toContainText('1 dot');
      await expect.poll(() => person.noteDots(bank.id)).toBe(3);
      await expect.poll(() => person.noteDots(shop.id)).toBe(1);
    }
    await expect(editor.page.getByTestId('vote-add-dot')).toHaveCount(0);

    // Clearing removes the results everywhere.
    await facilitator.page.getByTestId('vote-clear').click();
    await expect(viewer.page.getByTestId('vote-panel')).toHaveCount(0);
    await expect.poll(() => viewer.noteDots(bank.id)).toBe(0);
  });
});
