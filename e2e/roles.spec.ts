import { expect, test } from './fixtures/test';

test.describe('roles and share links', () => {
  test('a viewer sees the editor’s notes live, is seen by the others, and can change nothing', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Roles');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');

    // The viewer's page knows its role.
    await expect(viewer.page.getByTestId('view-only')).toBeVisible();
    await expect(viewer.page.getByTestId('tool-select')).toBeVisible();
    await expect(viewer.page.getByTestId('tool-note')).toHaveCount(0);
    await expect(viewer.page.getByTestId('tool-connect')).toHaveCount(0);
    await expect(viewer.page.getByTestId('undo')).toHaveCount(0);
    await expect(editor.page.getByTestId('tool-note')).toBeVisible();
    await expect(editor.page.getByTestId('view-only')).toHaveCount(0);

    // Everyone sees everyone, the viewer included.
    for (const who of [facilitator, editor]) {
      await expect(who.page.getByTestId('presence-item')).toHaveCount(3);
      await expect(who.page.getByTestId('presence-list')).toContainText('Vera');
    }

    const note = await editor.addNote('channels', 'Email');
    await viewer.waitForNote((n) => n.id === note.id && n.text === 'Email');

    // Double-click on empty space and N create nothing for the viewer.
    const at = await viewer.toClient(viewer.blockCenter('keyPartners'));
    await viewer.page.mouse.dblclick(at.x, at.y);
    await viewer.page.getByTestId('board-title').focus(); // then back to the board:
    await viewer.page.locator('[data-board-surface]').focus();
    await viewer.page.keyboard.press('n');
    await expect(viewer.page.getByTestId('note-editor')).toHaveCount(0);
    // The panel shows a selected note read-only.
    await viewer.clickNote(note.id);
    await expect(viewer.page.getByTestId('note-panel')).toContainText('Email');
    await expect(viewer.page.getByTestId('delete-note')).toHaveCount(0);
    await expect(viewer.page.getByTestId('color-green')).toHaveCount(0);
    await viewer.page.keyboard.press('Delete');

    // A later edit reaches everyone: by then anything the viewer sent would have too.
    const later = await editor.addNote('customerSegments', 'Freelancers');
    for (const who of [viewer, facilitator]) {
      await who.waitForNote((n) => n.id === later.id);
      expect((await who.notes()).map((n) => n.id).sort()).toEqual([note.id, later.id].sort());
    }
    expect(await editor.notes()).toHaveLength(2);
    // Nothing the viewer's page did was a write the server had to refuse (which would reset
    // the page and show the view-only notice).
    await expect(viewer.page.getByTestId('board-notice')).toHaveCount(0);
  });

  test('regenerating the viewer link cuts the viewer off, and the old link asks for a new one', async ({
    server,
    openAs,
    browser,
  }) => {
    const { links } = await server.createBoard('Revoke');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');

    await facilitator.page.getByTestId('share-button').click();
    const dialog = facilitator.page.getByTestId('share-dialog');
    await expect(dialog).toBeVisible();
    for (const role of ['facilitator', 'editor', 'viewer'] as const)
      await expect(dialog.getByTestId(`share-link-${role}`)).toHaveValue(links[role]);
    await dialog.getByTestId('share-regenerate-viewer').click();
    await dialog.getByTestId('share-confirm-viewer').click();
    await expect(dialog.getByTestId('share-link-viewer')).not.toHaveValue(links.viewer);
    const newViewerLink = await dialog.getByTestId('share-link-viewer').inputValue();
    await expect(dialog.getByTestId('share-link-editor')).toHaveValue(links.editor);
    await dialog.getByTestId('share-close').click();

    await viewer.waitForStatus('revoked');
    await expect(viewer.page.getByTestId('connection-status')).toContainText(/revoked/i);
    // The others keep working.
    const note = await editor.addNote('channels', 'Still here');
    await facilitator.waitForNote((n) => n.id === note.id);
    await expect(editor.page.getByTestId('connection-status')).toHaveAttribute(
      'data-status',
      'connected',
    );

    const response = await viewer.page.goto(links.viewer);
    expect(response?.status()).toBe(403);
    await expect(viewer.page.getByTestId('need-link')).toBeVisible();

    // The new link works.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const fresh = await page.goto(newViewerLink);
      expect(fresh?.status()).toBe(200);
      await page.getByTestId('name-input').fill('Vic');
      await page.getByTestId('name-submit').click();
      await expect(page.getByTestId('view-only')).toBeVisible();
      await expect(page.getByTestId('connection-status')).toHaveAttribute(
        'data-status',
        'connected',
      );
    } finally {
      await context.close();
    }
  });

  test('a board address without a token, or with a wrong one, asks for a link', async ({
    server,
    page,
  }) => {
    const { id, links } = await server.createBoard('Locked');
    for (const url of [`${server.url}/b/${id}`, `${links.editor}x`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByTestId('need-link')).toContainText(/need a link/i);
      await expect(page.locator('[data-board-surface]')).toHaveCount(0);
    }
    await page.getByTestId('lang-es').click();
    await expect(page.getByTestId('need-link')).toContainText(/Necesitas un enlace/);
  });
});
