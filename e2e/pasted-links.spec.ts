import { expect, test } from './fixtures/test';

/**
 * A link pasted from another page comes with that page's `target`, `rel` and `class`; the
 * server refuses a link whose `target` or `rel` is not the editor's own (close code 4422), so
 * the editor keeps only the address of what is pasted, and the paste reaches everyone.
 */
test('a link pasted from another page reaches the other person, opening as our links do', async ({
  server,
  openAs,
}) => {
  const { url } = await server.createBoard('Paste');
  const alice = await openAs(url, 'Alice');
  const bob = await openAs(url, 'Bob');
  const note = await alice.createNoteInBlock('valuePropositions');
  const content = alice.page.getByTestId('note-editor-content');
  await content.focus();
  await content.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p><a href="https://example.com/docs" target="_top" rel="opener" class="btn">Docs</a></p>',
    );
    data.setData('text/plain', 'Docs');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const link = content.locator('a');
  await expect(link).toHaveAttribute('href', 'https://example.com/docs');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(link).toHaveAttribute('target', '_blank');
  await alice.stopEditing();
  await bob.waitForNote((n) => n.id === note.id && n.text === 'Docs');
});
