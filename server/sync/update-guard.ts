import * as Y from 'yjs';
import { NOTE_KEYS, ROOT, isBlockId, type BlockId, type Role } from '../../lib/model';
import { readBoardLocks } from '../../lib/doc/locks';
import { anyLock, isBlockLocked } from '../../lib/model/workshop-locks';
import { newlyDeleted, type DecodedUpdate } from './update-effect';
import { GONE, UpdatePaths, pathInDoc } from './update-paths';

/**
 * Decides, before the room applies it, whether a connection's role may make an update,
 * against the room's current document:
 * - only a facilitator changes anything under ROOT.workshop (timer, locks, vote, ...);
 * - with the board locked, an editor changes nothing under ROOT.notes or ROOT.meta (votes and
 *   comments stay open: a facilitator often locks the board and then runs a vote);
 * - with a block locked, an editor creates, changes, deletes and moves no note in or out of it.
 *
 * Every update passes here, so it reads the update's structs and delete set in place and looks
 * items up in the room's store: no document is cloned and nothing is applied to find out.
 */
export type GuardVerdict = { ok: true } | { ok: false; reason: string };

const ALLOWED: GuardVerdict = { ok: true };

/** Where an item sits: its root, and for notes the note id and the note's key it is under. */
interface Place {
  root: string;
  note?: string;
  noteKey?: string;
}

/** keys: the map keys from the root down to the item (null for list positions). */
function toPlace(root: string, keys: readonly (string | null)[]): Place {
  if (root !== ROOT.notes) return { root };
  return { root, note: keys[0] ?? undefined, noteKey: keys[1] ?? undefined };
}

function placeInDoc(item: Y.Item): Place {
  const { root, keys } = pathInDoc(item);
  return toPlace(root, keys);
}

/** The block a note stands in now, in the room document, if any. */
function blockInDoc(doc: Y.Doc, note: string): BlockId | undefined {
  const map = doc.getMap<unknown>(ROOT.notes).get(note);
  if (!(map instanceof Y.Map)) return undefined;
  const block: unknown = map.get(NOTE_KEYS.block);
  return isBlockId(block) ? block : undefined;
}

function refused(reason: string): GuardVerdict {
  return { ok: false, reason };
}

/** Whether `role` may apply `update` to `doc`. Viewers are turned away before this. */
export function checkUpdate(doc: Y.Doc, role: Role, update: DecodedUpdate): GuardVerdict {
  if (role === 'facilitator') return ALLOWED;
  const { structs, ds } = update;
  const locks = readBoardLocks(doc);
  const locked = anyLock(locks);
  const paths = new UpdatePaths(doc, structs);
  const places: Place[] = [];
  const newBlocks = new Map<string, BlockId>();

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const path = paths.pathOf(struct);
    if (path === GONE) continue;
    // Not placeable: the room would hold it pending, and it might be workshop state. Never
    // the case for a client syncing through this server (it has every parent it saw).
    if (path === null) return refused('an update whose place in the board is unknown');
    const place = toPlace(path.root, path.keys);
    places.push(place);
    if (place.note && place.noteKey === NOTE_KEYS.block && struct.content instanceof Y.ContentAny) {
      const value: unknown = struct.content.arr[struct.content.arr.length - 1];
      if (isBlockId(value)) newBlocks.set(place.note, value);
    }
  }

  // Only what it deletes anew in the room counts.
  for (const item of newlyDeleted(doc, ds)) places.push(placeInDoc(item));

  for (const place of places) {
    if (place.root === ROOT.workshop) return refused('only the facilitator runs the workshop');
    if (!locked) continue;
    if (locks.board && (place.root === ROOT.notes || place.root === ROOT.meta))
      return refused('the board is locked');
    if (place.root === ROOT.notes && place.note) {
      const before = blockInDoc(doc, place.note);
      const after = newBlocks.get(place.note);
      if ((before && isBlockLocked(locks, before)) || (after && isBlockLocked(locks, after)))
        return refused('this block is locked');
    }
  }
  return ALLOWED;
}
