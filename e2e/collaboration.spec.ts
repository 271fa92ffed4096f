import { expect, test } from './fixtures/test';

test.describe('two people on one board', () => {
  test('a note created, moved to another block, recoloured and written in shows up for the other', async ({
    server,
    openAs,
  }) => {
    const { url, links } = await server.createBoard('Team canvas');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(links.editor, 'Bob');
    await expect(alice.page.getByTestId('presence-item')).toHaveCount(2);

    const note = await alice.createNoteInBlock('valuePropositions');
    expect(note.block).toBe('valuePropositions');
    await alice.page.keyboard.type('Faster onboarding');
    await alice.stopEditing();
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Faster onboarding');

    await alice.dragNoteTo(note.id, alice.blockCenter('customerSegments'));
    const moved = await bob.waitForNote((n) => n.id === note.id && n.block === 'customerSegments');
    expect(moved.x).toBeGreaterThanOrEqual(1600);

    await alice.page.getByTestId('color-green').click();
    await bob.waitForNote((n) => n.id === note.id && n.color === 'green');
    // The other person sees it in their panel too once they select it.
    await bob.clickNote(note.id);
    await expect(bob.page.getByTestId('panel-block')).toContainText('Customer Segments');
  });

  test('text typed by both people in the same note merges', async ({ server, openAs }) => {
    const { url, links } = await server.createBoard('Merge');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(links.editor, 'Bob');
    const note = await alice.createNoteInBlock('channels');
    await alice.page.keyboard.type('Shared');
    await alice.stopEditing();
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Shared');

    await alice.typeInNote(note.id, ' alpha');
    await bob.typeInNote(note.id, ' beta');
    for (const who of [alice, bob]) {
      const merged = await who.waitForNote(
        (n) => n.id === note.id && n.text.includes('alpha') && n.text.includes('beta'),
      );
      expect(merged.text.startsWith('Shared')).toBe(true);
      expect(merged.text.match(/Shared/g)).toHaveLength(1);
    }
    // While Bob edits, Alice's canvas outlines the note in Bob's colour (awareness).
    await expect
      .poll(() =>
        alice.page.evaluate(() =>
          document.querySelector('[data-testid="presence-list"]')?.textContent?.includes('Bob'),
        ),
      )
      .toBe(true);
  });

  test('undo reverts only my own change, never the other person’s', async ({ server, openAs }) => {
    const { url, links } = await server.createBoard('Undo');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(links.editor, 'Bob');
    const note = await alice.createNoteInBlock('keyActivities');
    await alice.stopEditing();
    const start = await bob.waitForNote((n) => n.id === note.id);

    await alice.dragNoteTo(note.id, alice.blockCenter('keyResources'));
    await bob.waitForNote((n) => n.id === note.id && n.block === 'keyResources');
    await bob.clickNote(note.id);
    await bob.page.getByTestId('color-pink').click();
    await alice.waitForNote((n) => n.id === note.id && n.color === 'pink');

    await alice.page.getByTestId('undo').click();
    const undone = await bob.waitForNote((n) => n.id === note.id && n.block === 'keyActivities');
    expect([undone.x, undone.y]).toEqual([start.x, start.y]);
    expect(undone.color).toBe('pink'); // Bob's change stays

    await alice.page.keyboard.press('Control+Shift+Z');
    await bob.waitForNote((n) => n.id === note.id && n.block === 'keyResources');
  });

  test('undo takes back my typing after I left the editor, never the other person’s', async ({
    server,
    openAs,
  }) => {
    const { url, links } = await server.createBoard('Undo typing');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(links.editor, 'Bob');
    const note = await alice.createNoteInBlock('valuePropositions');
    await alice.page.keyboard.type('Alice');
    await alice.stopEditing();
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Alice');
    await bob.typeInNote(note.id, ' Bob');
    await bob.stopEditing();
    await alice.waitForNote((n) => n.id === note.id && n.text === 'Alice Bob');

    // One step back is Alice's typing (not the note she created), and Bob's words stay.
    await alice.page.keyboard.press('Control+z');
    for (const who of [alice, bob]) {
      await who.waitForNote((n) => n.id === note.id && n.text.trim() === 'Bob');
    }
    await alice.page.keyboard.press('Control+Shift+Z');
    for (const who of [alice, bob]) {
      await who.waitForNote((n) => n.id === note.id && n.text === 'Alice Bob');
    }

    // Inside the editor the keys act on the same history: the toolbar redoes what they undid.
    await alice.typeInNote(note.id, ' again');
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Alice Bob again');
    await alice.page.keyboard.press('Control+z');
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Alice Bob');
    await alice.stopEditing();
    await alice.page.getByTestId('redo').click();
    await bob.waitForNote((n) => n.id === note.id && n.text === 'Alice Bob again');
  });

  test('several notes selected with shift-click are deleted together, and undo brings them back', async ({
    server,
    openAs,
  }) => {
    const { url, links } = await server.createBoard('Multi');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(links.editor, 'Bob');
    const first = await alice.createNoteInBlock('keyPartners', { x: 0, y: -150 });
    await alice.stopEditing();
    const second = await alice.createNoteInBlock('keyPartners', { x: 0, y: 150 });
    await alice.stopEditing();
    await bob.waitForNote((n) => n.id === second.id);

    await alice.clickNote(first.id);
    await alice.clickNote(second.id, { shift: true });
    await expect(alice.page.getByTestId('note-panel')).toContainText('2');
    await alice.page.keyboard.press('Delete');
    await expect.poll(async () => (await bob.notes()).length).toBe(0);

    await alice.page.keyboard.press('Control+z');
    await expect.poll(async () => (await bob.notes()).length).toBe(2);
  });
});
