import { BoardPage } from './fixtures/board-page';
import { expect, test } from './fixtures/test';

test.describe('nothing written is lost', () => {
  test('a reload and a server restart keep every note and its text', async ({ server, openAs }) => {
    const { url } = await server.createBoard('Durable');
    const alice = await openAs(url, 'Alice');
    const first = await alice.createNoteInBlock('revenueStreams');
    await alice.page.keyboard.type('Subscriptions');
    await alice.stopEditing();
    const second = await alice.createNoteInBlock('costStructure');
    await alice.page.keyboard.type('Hosting');
    await alice.stopEditing();

    await alice.page.reload();
    await alice.waitForStatus('connected');
    await alice.waitForNote((n) => n.id === second.id && n.text === 'Hosting');

    await server.restart('SIGKILL');
    await alice.waitForStatus('connected');
    // A new person, with nothing cached in their browser, gets everything from the server.
    const carol = await openAs(url, 'Carol');
    await carol.waitForNote((n) => n.id === first.id && n.text === 'Subscriptions');
    await carol.waitForNote((n) => n.id === second.id && n.text === 'Hosting');
    expect(await carol.notes()).toHaveLength(2);
  });

  test('edits made while the server is down are kept in the browser and merged once, without duplicates', async ({
    server,
    openAs,
  }) => {
    const { url } = await server.createBoard('Offline');
    const alice = await openAs(url, 'Alice');
    const bob = await openAs(url, 'Bob');
    const shared = await alice.createNoteInBlock('channels');
    await alice.page.keyboard.type('Email');
    await alice.stopEditing();
    await bob.waitForNote((n) => n.id === shared.id && n.text === 'Email');

    await server.stop();
    await alice.waitForStatus('offline');
    await bob.waitForStatus('offline');

    const offlineNote = await alice.createNoteInBlock('customerRelationships');
    await alice.page.keyboard.type('Written offline');
    await alice.stopEditing();
    await bob.typeInNote(shared.id, ' and chat');
    await bob.stopEditing();

    // Alice closes the tab while offline: her edit lives only in this browser's storage now.
    const context = alice.page.context();
    await alice.page.close();

    await server.start();
    await bob.waitForStatus('connected');
    const reopened = new BoardPage(await context.newPage());
    await reopened.page.goto(url);
    await reopened.waitForStatus('connected');

    for (const who of [reopened, bob]) {
      await who.waitForNote((n) => n.id === offlineNote.id && n.text === 'Written offline');
      await who.waitForNote((n) => n.id === shared.id && n.text === 'Email and chat');
      expect(await who.notes()).toHaveLength(2);
    }
  });
});
