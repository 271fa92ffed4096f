import { describe, expect, it } from 'vitest';
import { createNote, labelRelationship, moveNotes } from '../doc';
import { newBoard } from '../doc/test-support';
import { BLOCK_RECTS, type NoteId } from '../model';
import { BoardSession } from './board-session';
import { localConnection } from './local-connection';
import { DecorationStore, type DecorationInputs } from './note-decorations';

const NO_DOTS = () => new Map<NoteId, number>();
const inputs = (over: Partial<DecorationInputs> = {}): DecorationInputs => ({
  filter: {},
  segmentColors: false,
  dots: NO_DOTS,
  openThreads: new Map(),
  t: (key) => key,
  ...over,
});

function board() {
  const doc = newBoard();
  const rel = BLOCK_RECTS.customerRelationships;
  const labelled = createNote(doc, { x: rel.x + 20, y: rel.y + 40, author: 'Ana' });
  labelRelationship(doc, labelled, { stage: 'acquisition' });
  const plain = createNote(doc, { x: 100, y: 100, author: 'Ana' });
  const session = new BoardSession({ openBoard: () => localConnection(doc) });
  const decorations = new DecorationStore(session);
  decorations.setInputs(inputs());
  return { doc, labelled, plain, decorations };
}

describe('DecorationStore', () => {
  it('keeps a note’s decoration while another note moves', () => {
    const { doc, labelled, plain, decorations } = board();
    const before = decorations.get(labelled);
    expect(before?.badge).toBeTruthy();
    expect(decorations.get(plain)).toBeNull();
    moveNotes(doc, [{ id: plain, x: 140, y: 120 }]);
    expect(decorations.get(labelled)).toBe(before);
  });

  it('fades the notes a filter leaves out, and keeps the faded set while it is the same', () => {
    const { doc, labelled, plain, decorations } = board();
    expect(decorations.getFaded().size).toBe(0);
    decorations.setInputs(inputs({ filter: { stages: ['retention'] } }));
    expect(decorations.get(labelled)?.faded).toBe(true);
    const faded = decorations.getFaded();
    expect(faded.has(labelled)).toBe(true);
    moveNotes(doc, [{ id: plain, x: 150, y: 130 }]);
    expect(decorations.getFaded()).toBe(faded);
  });

  it('shows the dots the page gives for the board’s notes', () => {
    const { plain, decorations } = board();
    decorations.setInputs(inputs({ dots: () => new Map([[plain, 2]]) }));
    expect(decorations.get(plain)?.dots).toBe(2);
  });
});
