import { expect, test } from './fixtures/test';
import type { BoardPage } from './fixtures/board-page';

/** The board's notice line, where a refused gesture says why. */
const notice = (person: BoardPage) => person.page.getByTestId('board-notice');

test.describe('facilitator timer and locks', () => {
  test('the timer the facilitator starts, pauses and resets counts down for everyone', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Timer');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');
    const everyone = [facilitator, editor, viewer];

    // Only the facilitator has the controls; nobody sees a timer until it starts.
    for (const person of [editor, viewer])
      await expect(person.page.getByTestId('timer-start')).toHaveCount(0);
    for (const person of everyone)
      await expect(person.page.getByTestId('workshop-timer')).toHaveCount(0);

    await facilitator.page.getByTestId('timer-minutes').fill('2');
    await facilitator.page.getByTestId('timer-start').click();
    for (const person of everyone) {
      const timer = person.page.getByTestId('workshop-timer');
      await expect(timer).toHaveAttribute('data-state', 'running');
      await expect(timer).toHaveText(/^0[12]:\d\d$/);
    }
    // It really counts: the text changes within a few seconds.
    const first = await viewer.page.getByTestId('workshop-timer').textContent();
    await expect(viewer.page.getByTestId('workshop-timer')).not.toHaveText(first!, {
      timeout: 5000,
    });

    await facilitator.page.getByTestId('timer-pause').click();
    for (const person of everyone) {
      const timer = person.page.getByTestId('workshop-timer');
      await expect(timer).toHaveAttribute('data-state', 'paused');
      await expect(timer).toContainText('Paused 01:');
    }
    // Paused means still: everyone shows the same frozen time.
    const frozen = await facilitator.page.getByTestId('workshop-timer').textContent();
    for (const person of [editor, viewer])
      await expect(person.page.getByTestId('workshop-timer')).toHaveText(frozen!);

    await facilitator.page.getByTestId('timer-reset').click();
    for (const person of everyone)
      await expect(person.page.getByTestId('workshop-timer')).toHaveCount(0);
    await expect(facilitator.page.getByTestId('timer-minutes')).toHaveValue('2');
  });

  test('a locked block and a locked board stop the editor, not the facilitator', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Locks');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const editor = await openAs(links.editor, 'Eddie');
    const viewer = await openAs(links.viewer, 'Vera');
    const bank = await facilitator.addNote('channels', 'Bank');
    await editor.waitForNote((n) => n.id === bank.id && n.text === 'Bank');

    // Locking Channels: everyone's block title says so.
    await expect(editor.page.getByTestId('lock-board')).toHaveCount(0);
    await facilitator.page.getByTestId('lock-blocks-toggle').click();
    await facilitator.page.getByTestId('lock-block-channels').check();

    // The editor can neither delete nor move the note out: the page says why, and nothing changes.
    await editor.clickNote(bank.id);
    await expect(editor.page.getByTestId('note-panel')).toBeVisible();
    await editor.page.keyboard.press('Delete');
    await expect(notice(editor)).toContainText('locked by the facilitator');
    await editor.dragNoteTo(bank.id, editor.blockCenter('keyPartners'));
    expect((await editor.note(bank.id))?.block).toBe('channels');
    // Opening its text is refused too.
    const at = await editor.noteCenter(bank.id);
    await editor.page.mouse.dblclick(at.x, at.y);
    await expect(editor.page.getByTestId('note-editor')).toHaveCount(0);

    // Other blocks stay open to the editor, and the connection was never cut.
    const partner = await editor.addNote('keyPartners', 'Insurer');
    await facilitator.waitForNote((n) => n.id === partner.id && n.text === 'Insurer');
    await expect(editor.page.getByTestId('connection-status')).toHaveAttribute(
      'data-status',
      'connected',
    );

    // The facilitator still changes the locked block.
    await facilitator.dragNoteTo(bank.id, facilitator.blockCenter('keyPartners'));
    await editor.waitForNote((n) => n.id === bank.id && n.block === 'keyPartners');

    // The board lock: the editor sees it and cannot add a note anywhere.
    await facilitator.page.getByTestId('lock-board').check();
    await expect(editor.page.getByTestId('board-locked')).toBeVisible();
    await expect(viewer.page.getByTestId('board-locked')).toBeVisible();
    const before = (await editor.notes()).length;
    const free = editor.blockCenter('valuePropositions');
    const point = await editor.toClient(free);
    await editor.page.mouse.dblclick(point.x, point.y);
    await editor.page.keyboard.press('n');
    await expect(editor.page.getByTestId('note-editor')).toHaveCount(0);
    expect(await editor.notes()).toHaveLength(before);

    // Unlocked, the editor works again.
    await facilitator.page.getByTestId('lock-board').uncheck();
    await facilitator.page.getByTestId('lock-block-channels').uncheck();
    await expect(editor.page.getByTestId('board-locked')).toHaveCount(0);
    const idea = await editor.addNote('valuePropositions', 'Idea');
    await facilitator.waitForNote((n) => n.id === idea.id && n.text === 'Idea');
  });
});
