import { expect, test } from './fixtures/test';
import type { BoardPage } from './fixtures/board-page';

/** True when two people's cameras show the same board area (their windows are the same size). */
async function sameView(a: BoardPage, b: BoardPage): Promise<boolean> {
  const [va, vb] = [await a.viewport(), await b.viewport()];
  return (
    Math.abs(va.scale - vb.scale) < 0.01 && Math.abs(va.x - vb.x) < 2 && Math.abs(va.y - vb.y) < 2
  );
}

test.describe('follow me', () => {
  test('views follow the facilitator until a person moves away, then rejoin or are brought back', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Follow');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');
    await expect(editor.page.getByTestId('follow-start')).toHaveCount(0);

    await facilitator.page.getByTestId('follow-start').click();
    for (const person of [editor, viewer])
      await expect(person.page.getByTestId('follow-chip')).toContainText('Following Fran');

    // The facilitator zooms and pans: both follow.
    const before = await editor.viewport();
    await facilitator.page.getByTestId('zoom-in').click();
    await facilitator.page.getByTestId('zoom-in').click();
    await facilitator.scrollBoard(120, 80);
    for (const person of [editor, viewer])
      await expect.poll(() => sameView(facilitator, person)).toBe(true);
    expect((await editor.viewport()).scale).toBeGreaterThan(before.scale);

    // The editor pans away: she stops following, and later moves of the leader leave her be.
    await editor.scrollBoard(-200, 0);
    await expect(editor.page.getByTestId('follow-chip')).toContainText('stopped following Fran');
    const away = await editor.viewport();
    await facilitator.page.getByTestId('zoom-out').click();
    await expect.poll(() => sameView(facilitator, viewer)).toBe(true);
    expect(await editor.viewport()).toEqual(away);

    // She rejoins by herself.
    await editor.page.getByTestId('follow-rejoin').click();
    await expect.poll(() => sameView(facilitator, editor)).toBe(true);

    // She moves away again; the facilitator brings everyone back.
    await editor.scrollBoard(0, 150);
    await expect(editor.page.getByTestId('follow-rejoin')).toBeVisible();
    await facilitator.page.getByTestId('follow-start').click(); // now "Bring everyone here"
    await expect(editor.page.getByTestId('follow-chip')).toContainText('Following Fran');
    await expect.poll(() => sameView(facilitator, editor)).toBe(true);

    // Stopping ends it for everyone.
    await facilitator.page.getByTestId('follow-stop').click();
    for (const person of [editor, viewer])
      await expect(person.page.getByTestId('follow-chip')).toHaveCount(0);
  });
});
