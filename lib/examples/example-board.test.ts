import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDoc, readBoard } from '../doc';
import { noteRect, rectsIntersect } from '../model';
import { EXAMPLE_NOTES } from './example-content';
import { writeExampleBoard } from './example-board';

function exampleBoard(locale: 'en' | 'es') {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Example', createdAt: 0 });
  writeExampleBoard(doc, locale);
  return readBoard(doc);
}

describe('the example board', () => {
  it('puts every note in its block, without overlaps', () => {
    const board = exampleBoard('en');
    expect(board.notes.size).toBe(EXAMPLE_NOTES.length);
    const byText = new Map([...board.notes.values()].map((n) => [n.text, n]));
    for (const note of EXAMPLE_NOTES) expect(byText.get(note.text.en)?.block).toBe(note.block);
    const notes = board.ordered;
    for (const [i, a] of notes.entries())
      for (const b of notes.slice(i + 1))
        expect(rectsIntersect(noteRect(a), noteRect(b))).toBe(false);
  });

  it('labels and links every relationship fully', () => {
    const board = exampleBoard('en');
    const relationships = board.ordered.filter((n) => n.block === 'customerRelationships');
    expect(relationships.length).toBeGreaterThanOrEqual(5);
    for (const note of relationships) {
      expect(note.relationship.type).toBeDefined();
      expect(note.relationship.stage).toBeDefined();
      expect(note.relationship.costPeriod).toBeDefined();
      expect(note.links.channels.length).toBeGreaterThan(0);
      expect(note.links.segments.length).toBeGreaterThan(0);
      for (const id of note.links.channels) expect(board.notes.get(id)?.block).toBe('channels');
      for (const id of note.links.segments)
        expect(board.notes.get(id)?.block).toBe('customerSegments');
    }
  });

  it('is written in the chosen language', () => {
    const texts = exampleBoard('es').ordered.map((n) => n.text);
    expect(texts).toContain('Soporte por email y chat');
    expect(texts).not.toContain('Email and chat support');
  });
});
