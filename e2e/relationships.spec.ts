import { expect, test } from './fixtures/test';

test.describe('the Customer Relationships block', () => {
  test('labels and links made by one person reach the other: panel, connectors, overview, warnings and undo', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Relationships');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');
    const channel = await alice.addNote('channels', 'Email');
    const segment = await alice.addNote('customerSegments', 'Freelancers');
    const relation = await alice.addNote('customerRelationships', 'Support desk');

    await alice.clickNote(relation.id);
    const panel = alice.page.getByTestId('relationship-editor');
    await panel.getByTestId('rel-type').selectOption('remote');
    await panel.getByTestId('rel-stage').selectOption('retention');
    await panel.getByTestId('rel-cost-amount').fill('40');
    await panel.getByTestId('rel-cost-amount').press('Enter');
    await panel.getByTestId('rel-cost-currency').selectOption('EUR');
    await panel.getByTestId('rel-cost-period').selectOption('perMonth');
    await panel.getByTestId('rel-link-channel-add').selectOption(channel.id);
    await panel.getByTestId('rel-link-segment-add').selectOption(segment.id);

    // Bob's board holds the labels and links, his panel shows them, his canvas draws them.
    await bob.waitForNote(
      (n) =>
        n.id === relation.id &&
        n.relationship.type === 'remote' &&
        n.relationship.mode === 'direct' && // a default filled in by the type
        n.relationship.costAmount === 40 &&
        n.links.channels.includes(channel.id) &&
        n.links.segments.includes(segment.id),
    );
    await expect.poll(() => bob.drawnConnectors()).toBe(2);
    await bob.clickNote(relation.id);
    const bobPanel = bob.page.getByTestId('relationship-editor');
    await expect(bobPanel.getByTestId('rel-type')).toHaveValue('remote');
    await expect(bobPanel.getByTestId('rel-stage')).toHaveValue('retention');
    await expect(bobPanel.getByTestId('rel-linked-channel')).toContainText('Email');

    await bob.openOverview();
    await expect(bob.page.getByTestId(`overview-cell-${segment.id}-retention`)).toContainText(
      'Support desk',
    );
    await expect(bob.page.getByTestId('overview-total-EUR-perMonth')).toContainText('40');
    const warnings = bob.page.getByTestId('warnings-list');
    await expect(warnings.locator('[data-kind="relationshipWithoutChannel"]')).toHaveCount(0);

    // Deleting the channel note removes the link on both sides and raises the warning.
    await alice.clickNote(channel.id);
    await alice.page.keyboard.press('Delete');
    await bob.waitForNote((n) => n.id === relation.id && n.links.channels.length === 0);
    await expect(warnings.locator('[data-kind="relationshipWithoutChannel"]')).toHaveCount(1);
    await expect.poll(() => bob.drawnConnectors()).toBe(1);

    // One undo brings back the note and the link.
    await alice.page.keyboard.press('Control+z');
    await bob.waitForNote((n) => n.id === relation.id && n.links.channels.includes(channel.id));
    await expect(warnings.locator('[data-kind="relationshipWithoutChannel"]')).toHaveCount(0);
    await expect.poll(() => bob.drawnConnectors()).toBe(2);
  });

  test('the connector tool links a relationship note to a segment by dragging', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Connector');
    const alice = await openAs(url, 'Alice');
    const segment = await alice.addNote('customerSegments', 'Agencies');
    const relation = await alice.addNote('customerRelationships', 'Account manager');
    const other = await alice.addNote('valuePropositions', 'Fast books');

    await alice.page.getByTestId('tool-connect').click();
    const from = await alice.noteCenter(relation.id);
    const to = await alice.noteCenter(segment.id);
    await alice.page.mouse.move(from.x, from.y);
    await alice.page.mouse.down();
    await alice.page.mouse.move(to.x, to.y, { steps: 8 });
    await alice.page.mouse.up();
    await alice.waitForNote((n) => n.id === relation.id && n.links.segments.includes(segment.id));
    await expect.poll(() => alice.drawnConnectors()).toBe(1);

    // A link to a note of another block is refused with an explanation, and writes nothing.
    const elsewhere = await alice.noteCenter(other.id);
    await alice.page.mouse.move(from.x, from.y);
    await alice.page.mouse.down();
    await alice.page.mouse.move(elsewhere.x, elsewhere.y, { steps: 8 });
    await alice.page.mouse.up();
    await expect(alice.page.getByTestId('board-notice')).toBeVisible();
    expect((await alice.note(relation.id))?.links.segments).toEqual([segment.id]);
  });

  test('a filter fades the notes it leaves out', async ({ server, openAs }) => {
    const { url } = await server.createBoard('Focus');
    const alice = await openAs(url, 'Alice');
    const remote = await alice.addNote('customerRelationships', 'Chat', { x: -90, y: 0 });
    const community = await alice.addNote('customerRelationships', 'Forum', { x: 90, y: 0 });
    await alice.clickNote(remote.id);
    await alice.page.getByTestId('rel-type').selectOption('remote');
    await alice.clickNote(community.id);
    await alice.page.getByTestId('rel-type').selectOption('community');

    await alice.openOverview();
    await alice.page.getByTestId('focus-toggle').click();
    await alice.page.getByTestId('filter-types-remote').click();
    // Both at once: CI once read the kept note faded (0.18) at the moment the other had
    // faded, and 1 a moment later (not reproduced in 8 runs; see issue 12's closing note).
    await expect
      .poll(async () => ({
        communityFaded: ((await alice.noteOpacity(community.id)) ?? 1) < 0.5,
        remote: await alice.noteOpacity(remote.id),
      }))
      .toEqual({ communityFaded: true, remote: 1 });
    await alice.page.getByTestId('filter-clear').click();
    await expect.poll(() => alice.noteOpacity(community.id)).toBe(1);
  });

  test('the example board loads with its overview cells and totals', async ({ server, page }) => {
    await page.context().addInitScript(() => window.localStorage.setItem('lienzo:test-hooks', '1'));
    await page.goto(server.url);
    await page.getByTestId('open-example-board').click();
    await expect(page).toHaveURL(/\/b\//);
    await page.getByTestId('name-input').fill('Ana');
    await page.getByTestId('name-submit').click();
    await page.getByTestId('side-tab-overview').click();
    // EUR per month: 1,200 + 300 + 5,000 + 800; per-customer and USD costs are kept apart.
    await expect(page.getByTestId('overview-total-EUR-perMonth')).toContainText('7,300');
    await expect(page.getByTestId('overview-total-EUR-perCustomer')).toContainText('4');
    await expect(page.getByTestId('overview-total-USD-perCustomer')).toContainText('15');
    const freelancers = await page.evaluate(
      () => window.__lienzo!.notes().find((n) => n.text.startsWith('Freelancers'))!.id,
    );
    await expect(page.getByTestId(`overview-cell-${freelancers}-activation`)).toContainText(
      'Guided self-service setup',
    );
    await expect(page.getByTestId(`overview-cell-${freelancers}-referral`)).toContainText(
      'User forum',
    );
  });

  test('in Spanish, labels, overview and the example are Spanish', async ({ server, page }) => {
    await page.context().addInitScript(() => window.localStorage.setItem('lienzo:test-hooks', '1'));
    await page.goto(server.url);
    await page.getByTestId('lang-es').click();
    await page.getByTestId('open-example-board').click();
    await expect(page).toHaveURL(/\/b\//);
    await page.getByTestId('name-input').fill('Ana');
    await page.getByTestId('name-submit').click();
    await expect(page.getByTestId('board-title')).toHaveValue(/^Ejemplo/);
    await expect(page.getByTestId('side-tab-overview')).toHaveText('Relaciones');
    const support = await page.evaluate(() =>
      window.__lienzo!.notes().find((n) => n.text === 'Soporte por email y chat')!,
    );
    const at = await page.evaluate(
      (n) => window.__lienzo!.toClient({ x: n.x + n.width / 2, y: n.y + n.height / 2 }),
      support,
    );
    await page.mouse.click(at.x, at.y);
    const type = page.getByTestId('rel-type');
    await expect(type.locator('option:checked')).toHaveText('A distancia');
    await page.getByTestId('side-tab-overview').click();
    await expect(page.getByTestId('relationships-overview')).toContainText('Retención');
  });
});
