import { expect, test } from './fixtures/test';

/** Gestures on one note that the collaboration specs do not cover, seen by a second person. */
test.describe('note gestures', () => {
  test('resizing with the corner handle and duplicating with Ctrl+D reach the other person', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Gestures');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');
    const note = await alice.addNote('keyPartners', 'Bank');

    // The selection's bottom-right handle sits on the note's bottom-right corner.
    await alice.clickNote(note.id);
    const corner = await alice.toClient({ x: note.x + note.width, y: note.y + note.height });
    await alice.page.mouse.move(corner.x, corner.y);
    await alice.page.mouse.down();
    await alice.page.mouse.move(corner.x + 40, corner.y + 30, { steps: 4 });
    await alice.page.mouse.move(corner.x + 80, corner.y + 60, { steps: 4 });
    await alice.page.mouse.up();
    // A click right after the resize selects; with the click before it, Konva alone would
    // count a double-click and open the editor.
    await alice.clickNote(note.id);
    await expect(alice.page.getByTestId('note-editor')).toHaveCount(0);
    const resized = await bob.waitForNote(
      (n) => n.id === note.id && n.width > note.width + 20 && n.height > note.height + 20,
    );
    expect(resized).toMatchObject({ x: note.x, y: note.y, text: 'Bank' });

    await alice.page.keyboard.press('Control+d');
    const copy = await bob.waitForNote((n) => n.id !== note.id && n.text === 'Bank');
    expect(copy).toMatchObject({ block: 'keyPartners', width: resized.width });
    expect(copy.x).not.toBe(resized.x);
    expect(await bob.notes()).toHaveLength(2);

    // A quick double-click straight after a drag is still a double-click: it opens the editor.
    await alice.dragNoteTo(copy.id, { x: copy.x + 120, y: copy.y + 40 });
    const moved = await alice.noteCenter(copy.id);
    await alice.page.mouse.dblclick(moved.x, moved.y);
    await expect(alice.page.getByTestId('note-editor')).toBeVisible();
  });

  test('a press lifts a note for a possible drag, and a click without one puts it back in its layer', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Lift');
    const alice = await openAs(url, 'Alice');
    const below = await alice.addNote('channels', 'Below');
    const above = await alice.addNote('channels', 'Above', { x: 0, y: 130 });
    const parentOf = (id: string) =>
      alice.page.evaluate((noteId) => {
        const konva = (window as unknown as { Konva: typeof import('konva').default }).Konva;
        const node = konva.stages[0]!.findOne(`#${noteId}`)!;
        return { type: node.getParent()!.nodeType, index: node.zIndex() };
      }, id);
    const before = await parentOf(below.id);
    expect(before.type).toBe('Layer');

    await alice.clickNote(below.id);
    // Back in its notes layer, under the note that was above it.
    expect(await parentOf(below.id)).toEqual(before);
    expect((await parentOf(above.id)).index).toBeGreaterThan(before.index);
  });

  test('a labelled relationship note shows its type and stage on the canvas', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Badge');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');
    const relation = await alice.addNote('customerRelationships', 'Onboarding call');
    expect(await bob.noteBadge(relation.id)).toBeNull();

    await alice.clickNote(relation.id);
    const panel = alice.page.getByTestId('relationship-editor');
    await panel.getByTestId('rel-type').selectOption('personal');
    await panel.getByTestId('rel-stage').selectOption('activation');

    await expect.poll(() => bob.noteBadge(relation.id)).toMatch(/Activation/);
    expect(await bob.noteBadge(relation.id)).toMatch(/·/);
  });

  test('the note editor refuses a javascript: link and accepts an https one', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Links');
    const alice = await openAs(url, 'Alice');
    const note = await alice.createNoteInBlock('valuePropositions');
    const content = alice.page.getByTestId('note-editor-content');
    const refusal = alice.page.getByTestId('note-editor').getByRole('alert');
    await content.focus();
    await alice.page.keyboard.type('Docs');
    await alice.page.keyboard.press('Shift+Home');

    alice.page.once('dialog', (dialog) => void dialog.accept('javascript:alert(1)'));
    await alice.page.getByTestId('format-link').click();
    await expect(refusal).toContainText(/not a web or email address/);
    await expect(content.locator('a')).toHaveCount(0);

    await content.focus();
    await alice.page.keyboard.press('Shift+Home');
    alice.page.once('dialog', (dialog) => void dialog.accept('https://example.com/docs'));
    await alice.page.getByTestId('format-link').click();
    await expect(content.locator('a')).toHaveAttribute('href', 'https://example.com/docs');
    await expect(refusal).toBeHidden();
    await alice.stopEditing();
    await alice.waitForNote((n) => n.id === note.id && n.text === 'Docs');
  });
});
