import { ReviewPage } from './fixtures/history-page';
import { expect, test } from './fixtures/test';

test.describe('async review: comments and version history', () => {
  test('a comment thread: the editor comments, the facilitator replies and resolves, the viewer reads', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Review');
    const facilitator = new ReviewPage(await openAs(links.facilitator, 'Fran'));
    const editor = new ReviewPage(await openAs(links.editor, 'Eddie'));
    const viewer = new ReviewPage(await openAs(links.viewer, 'Vera'));

    const note = await editor.board.addNote('customerSegments', 'Freelancers');
    await editor.openComments(note.id);
    await expect(editor.page.getByTestId('comments-panel')).toContainText('No comments');
    await editor.comment('Do freelancers really pay monthly?');
    await expect(editor.page.getByTestId('comment-thread')).toContainText('Eddie');
    await expect(editor.page.getByTestId('comment-thread')).toContainText(
      'Do freelancers really pay monthly?',
    );

    // The count badge on the canvas, for everyone.
    for (const who of [editor, facilitator, viewer])
      await expect.poll(() => who.commentBadge(note.id)).toBe('1');

    await facilitator.board.waitForNote((n) => n.id === note.id);
    await facilitator.openComments(note.id);
    const thread = facilitator.page.getByTestId('comment-thread');
    await expect(thread).toContainText('Do freelancers really pay monthly?');
    await thread.getByTestId('comment-reply-input').fill('Yes: 60% in the interviews.');
    await thread.getByTestId('comment-reply-submit').click();
    await expect(thread.getByTestId('comment-reply')).toContainText('Fran');
    await expect(editor.page.getByTestId('comment-reply')).toContainText(
      'Yes: 60% in the interviews.',
    );

    // The viewer reads the whole thread and has no input.
    await viewer.openComments(note.id);
    await expect(viewer.page.getByTestId('comment-thread')).toContainText(
      'Do freelancers really pay monthly?',
    );
    await expect(viewer.page.getByTestId('comment-reply')).toContainText(
      'Yes: 60% in the interviews.',
    );
    await expect(viewer.page.getByTestId('comments-read-only')).toBeVisible();
    await expect(viewer.page.getByTestId('comment-new-input')).toHaveCount(0);
    await expect(viewer.page.getByTestId('comment-reply-input')).toHaveCount(0);
    await expect(viewer.page.getByTestId('comment-resolve')).toHaveCount(0);

    // Resolved: the thread leaves the list and the badge goes, for everyone.
    await thread.getByTestId('comment-resolve').click();
    for (const who of [facilitator, editor, viewer]) {
      await expect(who.page.getByTestId('comment-thread')).toHaveCount(0);
      await expect.poll(() => who.commentBadge(note.id)).toBeNull();
    }
    await viewer.page.getByTestId('comments-show-resolved').check();
    await expect(viewer.page.getByTestId('comment-resolved-by')).toHaveText('Resolved by Fran');
  });

  test('a version saved, the board changed, the version opened read-only, restored, and the restore undone', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Versions');
    const facilitator = new ReviewPage(await openAs(links.facilitator, 'Fran'));
    const editor = new ReviewPage(await openAs(links.editor, 'Eddie'));
    const viewer = new ReviewPage(await openAs(links.viewer, 'Vera'));

    const kept = await editor.board.addNote('customerSegments', 'Freelancers');
    await editor.openHistory();
    await editor.page.getByTestId('history-name-input').fill('First draft');
    await editor.page.getByTestId('history-save').click();
    await expect(editor.version('First draft')).toHaveCount(1);

    // The board changes after the version.
    const later = await editor.board.addNote('channels', 'Webinars', { x: 0, y: 40 });
    for (const who of [facilitator, viewer]) await who.board.waitForNote((n) => n.id === later.id);

    // The viewer may open a version but neither save nor restore.
    await viewer.openHistory();
    await expect(viewer.page.getByTestId('history-name-input')).toHaveCount(0);
    await expect(viewer.version('First draft').getByTestId('history-restore')).toHaveCount(0);

    // Opened: the canvas shows the version, marked read-only, and the way back.
    await facilitator.openHistory();
    await facilitator.version('First draft').getByTestId('history-open').click();
    await expect(facilitator.page.getByTestId('version-banner')).toContainText('First draft');
    await expect.poll(() => facilitator.drawnNotes()).toBe(1);
    await facilitator.page.getByTestId('version-back').click();
    await expect(facilitator.page.getByTestId('version-banner')).toHaveCount(0);
    await expect.poll(() => facilitator.drawnNotes()).toBe(2);

    // Restored: the live board is the version again, for everyone, after a safety version.
    await facilitator.version('First draft').getByTestId('history-restore').click();
    for (const who of [facilitator, editor, viewer])
      await expect
        .poll(async () => (await who.board.notes()).map((n) => n.text))
        .toEqual(['Freelancers']);
    expect((await editor.board.notes())[0]?.id).toBe(kept.id);
    await expect(facilitator.version('Before restoring “First draft”')).toHaveCount(1);

    // One undo brings back the board as it was before the restore, for everyone.
    await facilitator.page.getByTestId('undo').click();
    for (const who of [facilitator, editor, viewer])
      await expect
        .poll(async () => (await who.board.notes()).map((n) => n.text).sort())
        .toEqual(['Freelancers', 'Webinars']);
  });
});
