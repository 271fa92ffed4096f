/**
 * What the value guard (server/sync/value-guard.ts) costs per note move: a move writes two
 * numbers (and the block when it changes). Not part of `npm run bench`: a micro-benchmark to
 * run by hand, `npx tsx bench/value-guard.ts`, printing microseconds per checked update beside
 * the update guard's cost for the same updates.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createNote, moveNotes } from '../lib/doc';
import { initBoardDoc } from '../lib/doc/board-doc';
import type { NoteId } from '../lib/model';
import { checkUpdate } from '../server/sync/update-guard';
import { checkValues } from '../server/sync/value-guard';

const NOTES = 1_000;
const MOVES = 20_000;
const WARMUP_MOVES = 2_000;

const room = new Y.Doc();
initBoardDoc(room, { title: 'Bench', createdAt: Date.now() });
const ids: NoteId[] = [];
for (let i = 0; i < NOTES; i++)
  ids.push(createNote(room, { x: 100 + (i % 40) * 40, y: 100 + (i % 20) * 40, author: 'B' }));

// The mover is a peer holding the room's state; each of its moves is one update.
const mover = new Y.Doc();
Y.applyUpdate(mover, Y.encodeStateAsUpdate(room));
const updates: Uint8Array[] = [];
mover.on('update', (update: Uint8Array) => updates.push(update));
for (let i = 0; i < MOVES + WARMUP_MOVES; i++) {
  const id = ids[i % NOTES]!;
  moveNotes(mover, [{ id, x: 100 + (i % 37) * 10, y: 100 + (i % 23) * 10 }]);
}
const decoded = updates.map((update) => Y.decodeUpdate(update));

// Each update is checked against the room as the server would, then applied (untimed), so
// that the next move of the same note finds the value it overwrites.
let valueMs = 0;
let roleMs = 0;
for (const [index, update] of decoded.entries()) {
  const timed = index >= WARMUP_MOVES;
  let start = performance.now();
  const refusal = checkValues(room, update);
  if (timed) valueMs += performance.now() - start;
  if (refusal) throw new Error(`an ordinary move was refused: ${refusal}`);
  start = performance.now();
  checkUpdate(room, 'editor', update);
  if (timed) roleMs += performance.now() - start;
  Y.applyUpdate(room, updates[index]!);
}
const perMove = (ms: number) => ((ms * 1000) / MOVES).toFixed(2);
console.log(`value guard:  ${perMove(valueMs)} µs per move (${NOTES} notes, ${MOVES} moves)`);
console.log(`update guard: ${perMove(roleMs)} µs per move, for comparison`);
