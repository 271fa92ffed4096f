import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { BoardPage } from './fixtures/board-page';

const drawnNoteIds = (person: BoardPage) =>
  person.page.evaluate(() => window.__lienzo!.drawnNoteIds());
const notePrivate = (person: BoardPage, id: string) =>
  person.page.evaluate((noteId) => window.__lienzo!.notePrivate(noteId), id);

/** Records every WebSocket frame the page receives from now on, as the network panel shows. */
function recordFrames(page: Page): Buffer[] {
  const frames: Buffer[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => frames.push(Buffer.from(payload))),
  );
  return frames;
}

const carries = (frames: Buffer[], text: string) => frames.some((frame) => frame.includes(text));

test.describe('private writing', () => {
  test('notes written in private mode reach nobody, not even their network, until the reveal', async ({
    server,
    openAs,
  }) => {
    const { links } = await server.createBoard('Private');
    const facilitator = await openAs(links.facilitator, 'Fran');
    const writer = await openAs(links.editor, 'Eddie');
    const other = await openAs(links.editor, 'Olga');
    const viewer = await openAs(links.viewer, 'Vera');
    const everyone = [facilitator, writer, other, viewer];
    // Olga's page is reloaded with its network recorded from the first frame.
    const frames = recordFrames(other.page);
    await other.page.reload();
    await other.waitForStatus('connected');

    await expect(writer.page.getByTestId('private-start')).toHaveCount(0);
    await facilitator.page.getByTestId('private-start').click();
    for (const person of everyone)
      await expect(person.page.getByTestId('private-writing-on')).toBeVisible();

    // Eddie writes a note: it is drawn for him, dashed as private, and is not on the board.
    const before = new Set(await drawnNoteIds(writer));
    const center = writer.blockCenter('channels');
    const at = await writer.toClient(center);
    await writer.page.mouse.dblclick(at.x, at.y);
    let hidden = '';
    await expect
      .poll(async () => {
        hidden = (await drawnNoteIds(writer)).find((id) => !before.has(id)) ?? '';
        return hidden;
      })
      .not.toBe('');
    await writer.page.getByTestId('note-editor-content').focus();
    await writer.page.keyboard.type('Hidden idea');
    await writer.stopEditing();
    expect(await notePrivate(writer, hidden)).toBe(true);
    expect(await writer.notes()).toHaveLength(0);

    // Nobody else draws it, and nothing of it crossed Olga's network.
    await facilitator.page.waitForTimeout(500);
    for (const person of [facilitator, other, viewer])
      expect(await drawnNoteIds(person)).not.toContain(hidden);
    expect(carries(frames, 'Hidden idea')).toBe(false);
    expect(frames.length).toBeGreaterThan(0);

    // The reveal: everyone has the note, with its text; private mode ends.
    await facilitator.page.getByTestId('private-reveal').click();
    await expect(facilitator.page.getByTestId('private-result')).toContainText('1');
    for (const person of everyone) {
      await person.waitForNote((n) => n.id === hidden && n.text === 'Hidden idea');
      await expect(person.page.getByTestId('private-writing-on')).toHaveCount(0);
    }
    await expect.poll(() => notePrivate(writer, hidden)).toBe(false);
    expect(carries(frames, 'Hidden idea')).toBe(true);
  });
});
