import { describe, expect, it } from 'vitest';
import type { NoteId, NoteRecord } from '../model';
import { boardConnectors, edgePoint } from './connectors';

const note = (
  id: string,
  block: NoteRecord['block'],
  x: number,
  y: number,
  links: Partial<NoteRecord['links']> = {},
): NoteRecord => ({
  id: `note_${id.padEnd(16, 'x')}` as NoteId,
  block,
  x,
  y,
  width: 100,
  height: 100,
  color: 'yellow',
  z: 1,
  author: '',
  createdAt: 0,
  text: id,
  relationship: {},
  links: { channels: [], segments: [], ...links },
});

describe('connectors', () => {
  it('leaves a rectangle on its edge, towards the target', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    expect(edgePoint(rect, { x: 1000, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(edgePoint(rect, { x: 50, y: -500 })).toEqual({ x: 50, y: 0 });
    expect(edgePoint(rect, { x: 50, y: 25 })).toEqual({ x: 50, y: 25 });
  });

  it('draws one connector per existing link of relationship notes only', () => {
    const channel = note('ch', 'channels', 1300, 600);
    const segment = note('seg', 'customerSegments', 1700, 100);
    const rel = note('rel', 'customerRelationships', 1300, 100, {
      channels: [channel.id],
      segments: [segment.id, 'note_missingmissingxx' as NoteId],
    });
    const elsewhere = note('vp', 'valuePropositions', 900, 100, { channels: [channel.id] });
    const notes = new Map([rel, channel, segment, elsewhere].map((n) => [n.id, n]));
    const connectors = boardConnectors(notes);
    expect(connectors.map((c) => [c.from, c.to, c.kind])).toEqual([
      [rel.id, channel.id, 'channels'],
      [rel.id, segment.id, 'segments'],
    ]);
    // From the bottom edge of the relationship note to the top edge of the channel note.
    expect(connectors[0]!.points).toEqual([1350, 200, 1350, 600]);
  });

  it('follows notes being dragged', () => {
    const segment = note('seg', 'customerSegments', 1700, 100);
    const rel = note('rel', 'customerRelationships', 1300, 100, { segments: [segment.id] });
    const notes = new Map([rel, segment].map((n) => [n.id, n]));
    const [moved] = boardConnectors(notes, { ids: new Set([rel.id]), dx: 0, dy: 300 });
    expect(moved!.points[1]).toBeGreaterThan(300);
  });
});
