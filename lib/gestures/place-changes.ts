import { landingPlace, type NoteMove, type PlaceChange } from '../doc';
import type { NoteId, Point, Rect } from '../model';
import type { NotePlace } from '../model/lock-rule';

/**
 * How each kind of gesture changes the place of the notes it touches, as the lock rule reads
 * it (lib/model/lock-rule.ts): each note's place before (null: the gesture creates it) and
 * after (null: it deletes it). The gesture table (gesture-table.ts) names one of these per
 * entry; nothing else computes a place a gesture leads to.
 */

/** Offset of a duplicate from its original, in board units: visibly apart, still close. */
export const DUPLICATE_OFFSET: Point = { x: 24, y: 24 };

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** Where a note lands with its corner at (x, y), keeping its size (null: no usable size). */
function shifted(place: NotePlace | null, x: number, y: number): NotePlace | null {
  if (!place || !isNumber(place.width) || !isNumber(place.height)) return null;
  return landingPlace({ x, y, width: place.width, height: place.height });
}

/** A change that leaves the note where it is (text, colour, labels, links, stacking order). */
export const inPlace = (before: NotePlace | null): PlaceChange => [before, before];

/** The note is removed. */
export const removed = (before: NotePlace | null): PlaceChange => [before, null];

/** The note's corner goes to the move's (x, y). */
export const moved = (before: NotePlace | null, move: NoteMove): PlaceChange => [
  before,
  shifted(before, move.x, move.y),
];

/** The note takes a new rectangle. */
export const resized = (before: NotePlace | null, rect: Rect): PlaceChange => [
  before,
  landingPlace(rect),
];

/** A new note lands at a rectangle. */
export const created = (rect: Rect): PlaceChange => [null, landingPlace(rect)];

/** A copy of the note, next to it: perhaps across a block's edge. */
export const duplicated = (before: NotePlace | null): PlaceChange => {
  const fits = before && isNumber(before.x) && isNumber(before.y);
  return [
    null,
    fits ? shifted(before, before.x + DUPLICATE_OFFSET.x, before.y + DUPLICATE_OFFSET.y) : null,
  ];
};

/** The id of a gesture's list item that is an id itself. */
export const idOf = (id: NoteId): NoteId => id;

/** The id of a move. */
export const moveId = (move: NoteMove): NoteId => move.id;
