import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, newBoardId } from '../model';
import { boardToJson } from './board-json';
import { bringToFront, createNote } from './notes';
import { TEST_CREATED_AT, newBoard } from './test-support';

describe('boardToJson', () => {
  it('holds the board fields and every note with its block, geometry, colour and text', () => {
    const doc = newBoard();
    const id = newBoardId();
    const partner = createNote(doc, { x: 100, y: 100, author: 'Ana', text: 'Bank\nSupplier' });
    const channel = createNote(doc, {
      x: 1250,
      y: 600,
      width: 200,
      height: 120,
      author: 'Luis',
      color: 'blue',
    });
    bringToFront(doc, [partner]);

    const json = boardToJson(id, doc);
    expect(json).toMatchObject({
      id,
      title: 'Test board',
      schemaVersion: SCHEMA_VERSION,
      createdAt: TEST_CREATED_AT,
    });
    expect(json.notes).toEqual([
      expect.objectContaining({
        id: channel,
        block: 'channels',
        x: 1250,
        y: 600,
        width: 200,
        height: 120,
        color: 'blue',
        author: 'Luis',
        text: '',
      }),
      expect.objectContaining({
        id: partner,
        block: 'keyPartners',
        x: 100,
        y: 100,
        width: 160,
        height: 110,
        color: 'yellow',
        text: 'Bank\nSupplier',
      }),
    ]);
  });

  it('survives JSON serialisation unchanged', () => {
    const doc = newBoard();
    createNote(doc, { x: 0, y: 0, author: 'Ana', text: 'ñ' });
    const json = boardToJson(newBoardId(), doc);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('gives an empty list for a board without notes', () => {
    expect(boardToJson(newBoardId(), newBoard()).notes).toEqual([]);
  });
});
