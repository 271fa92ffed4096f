import {
  rectCenter,
  type LinkKind,
  type NoteId,
  type NoteRecord,
  type Point,
  type Rect,
} from '../model';

/** A drawn link from a relationship note to one of its channel or segment notes. */
export interface Connector {
  /** `${from}->${to}`: stable across renders, unique on a board. */
  key: string;
  from: NoteId;
  to: NoteId;
  kind: LinkKind;
  /** Start and end, on the two notes' edges, in board units. */
  points: [number, number, number, number];
}

/**
 * Where the segment from a rectangle's centre towards `toward` leaves the rectangle, so a
 * connector starts and ends on the notes' edges rather than under them.
 */
export function edgePoint(rect: Rect, toward: Point): Point {
  const center = rectCenter(rect);
  const dx = toward.x - center.x;
  const dy = toward.y - center.y;
  if (dx === 0 && dy === 0) return center;
  const scale = Math.min(
    dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy),
  );
  return { x: center.x + dx * scale, y: center.y + dy * scale };
}

export function connectorBetween(from: Rect, to: Rect): [number, number, number, number] {
  const start = edgePoint(from, rectCenter(to));
  const end = edgePoint(to, rectCenter(from));
  return [start.x, start.y, end.x, end.y];
}

/** Moves applied to some notes while they are being dragged (not yet in the document). */
export interface DragOffset {
  ids: ReadonlySet<NoteId>;
  dx: number;
  dy: number;
}

function placed(note: NoteRecord, offset: DragOffset | null): Rect {
  const shift = offset?.ids.has(note.id) ? offset : null;
  return {
    x: note.x + (shift?.dx ?? 0),
    y: note.y + (shift?.dy ?? 0),
    width: note.width,
    height: note.height,
  };
}

/**
 * Every connector of the board: from each Customer Relationships note to the linked notes
 * that still exist. Links that point elsewhere (a note since moved out of Channels) are still
 * drawn: the coherence warnings say what is wrong with them.
 */
export function boardConnectors(
  notes: ReadonlyMap<NoteId, NoteRecord>,
  offset: DragOffset | null = null,
): Connector[] {
  const connectors: Connector[] = [];
  for (const note of notes.values()) {
    if (note.block !== 'customerRelationships') continue;
    for (const kind of ['channels', 'segments'] as const) {
      for (const target of note.links[kind]) {
        const other = notes.get(target);
        if (!other) continue;
        connectors.push({
          key: `${note.id}->${target}`,
          from: note.id,
          to: target,
          kind,
          points: connectorBetween(placed(note, offset), placed(other, offset)),
        });
      }
    }
  }
  return connectors;
}
