import { expect, test } from './fixtures/test';

/** The canvas gestures a person learns first: the note tool, the selection rectangle, panning and fit. */
test.describe('canvas navigation and selection', () => {
  test('the note tool places a note in the block clicked, which the other person sees', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Tools');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');

    await alice.page.getByTestId('tool-note').click();
    const center = await alice.toClient(alice.blockCenter('channels'));
    await alice.page.mouse.click(center.x, center.y);
    await expect(alice.page.getByTestId('note-editor')).toBeVisible();
    await alice.page.getByTestId('note-editor-content').focus();
    await alice.page.keyboard.type('Web shop');
    await alice.stopEditing();

    const note = await bob.waitForNote((n) => n.text === 'Web shop');
    expect(note.block).toBe('channels');
  });

  test('a selection rectangle takes the notes it covers, and Delete removes them together', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Rectangle');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');
    const first = await alice.addNote('keyPartners', 'Bank', { x: -40, y: -120 });
    const second = await alice.addNote('keyPartners', 'Telco', { x: -40, y: 60 });
    const outside = await alice.addNote('customerSegments', 'Families');
    await bob.waitForNote((n) => n.id === outside.id);

    // From empty board space above-left of both notes to below-right of both.
    const from = await alice.toClient({ x: first.x - 20, y: first.y - 20 });
    const to = await alice.toClient({
      x: Math.max(first.x + first.width, second.x + second.width) + 20,
      y: second.y + second.height + 20,
    });
    await alice.page.mouse.move(from.x, from.y);
    await alice.page.mouse.down();
    await alice.page.mouse.move(to.x, to.y, { steps: 8 });
    await alice.page.mouse.up();
    await alice.page.keyboard.press('Delete');

    await expect.poll(async () => (await bob.notes()).map((n) => n.id)).toEqual([outside.id]);
  });

  test('space and drag pans the camera, and fit brings the whole board back', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Camera');
    const alice = await openAs(url, 'Alice');
    const fitted = await alice.viewport();

    const box = await alice.page.locator('[data-board-surface]').boundingBox();
    if (!box) throw new Error('no board surface');
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await alice.page.mouse.move(start.x, start.y);
    await alice.page.keyboard.down('Space');
    await alice.page.mouse.down();
    await alice.page.mouse.move(start.x + 150, start.y + 90, { steps: 6 });
    await alice.page.mouse.up();
    await alice.page.keyboard.up('Space');

    const panned = await alice.viewport();
    expect(panned.x - fitted.x).toBeCloseTo(150, -1);
    expect(panned.y - fitted.y).toBeCloseTo(90, -1);
    expect(panned.scale).toBe(fitted.scale);
    // A pan is not a selection: nothing was selected, no rectangle was drawn.
    expect(await alice.notes()).toEqual([]);

    await alice.page.getByTestId('zoom-in').click();
    await expect.poll(async () => (await alice.viewport()).scale).toBeGreaterThan(fitted.scale);
    await alice.page.getByTestId('zoom-fit').click();
    await expect.poll(() => alice.viewport()).toEqual(fitted);
  });
});
