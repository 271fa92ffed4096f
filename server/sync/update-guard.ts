import * as Y from 'yjs';
import { NOTE_KEYS, ROOT, isBlockId, type BlockId, type Role } from '../../lib/model';
import { readBoardLocks } from '../../lib/doc/locks';
import { anyLock, isBlockLocked } from '../../lib/model/workshop-locks';
import { newlyDeleted, type DecodedUpdate } from './update-effect';

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

/** The struct of the room document covering `id`, or undefined when the room lacks it. */
function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = doc.store.clients.get(id.client);
  if (!structs) return undefined;
  const last = structs[structs.length - 1];
  if (!last || id.clock >= last.id.clock + last.length) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}

/** The item of `items` (one client's, in clock order) covering `clock`: a binary search. */
function findCovering(items: readonly Y.Item[] | undefined, clock: number): Y.Item | undefined {
  if (!items) return undefined;
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = items[middle]!;
    if (clock < item.id.clock) high = middle - 1;
    else if (clock >= item.id.clock + item.length) low = middle + 1;
    else return item;
  }
  return undefined;
}

/** keys: the map keys from the root down to the item (null for list positions). */
function toPlace(root: string, keys: readonly (string | null)[]): Place {
  if (root !== ROOT.notes) return { root };
  return { root, note: keys[0] ?? undefined, noteKey: keys[1] ?? undefined };
}

interface Path {
  root: string;
  keys: (string | null)[];
}

/** Lost: the item hangs off garbage-collected content, and Yjs integrates it as garbage. */
const GONE = 'gone' as const;
type Found = Path | null | typeof GONE;

/** The path of an item of the room document, walking its parent types up to the root. */
function pathInDoc(item: Y.Item): Path {
  const keys: (string | null)[] = [item.parentSub];
  let type = item.parent as Y.AbstractType<unknown>;
  while (type._item) {
    keys.unshift(type._item.parentSub);
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  return { root: Y.findRootTypeKey(type), keys };
}

function placeInDoc(item: Y.Item): Place {
  const { root, keys } = pathInDoc(item);
  return toPlace(root, keys);
}

/**
 * Finds the path of the items of one update. An item's parent is a root name, the id of an
 * item holding a type (in the update or the room), or, when unset, that of its left or right
 * neighbour. null: the parent is in neither (the room would keep the item pending).
 */
class UpdatePaths {
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly memo = new Map<Y.Item, Found>();
  private readonly walking = new Set<Y.Item>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.byClient.get(struct.id.client) ?? [];
      list.push(struct);
      this.byClient.set(struct.id.client, list);
    }
  }

  private lookUp(id: Y.ID): Y.Item | Y.GC | undefined {
    return findCovering(this.byClient.get(id.client), id.clock) ?? findInDoc(this.doc, id);
  }

  /** The path of a found struct: from the room's types, or from this update. */
  private pathOfFound(found: Y.Item | Y.GC | undefined): Found {
    if (!found) return null;
    if (found instanceof Y.GC) return GONE;
    if (found.parent instanceof Y.AbstractType) return pathInDoc(found);
    return this.pathOf(found);
  }

  pathOf(start: Y.Item): Found {
    const known = this.memo.get(start);
    if (known !== undefined) return known;
    // A forged update may make items their own ancestors: such an item has no place.
    if (this.walking.has(start)) return null;
    this.walking.add(start);
    // A list item shares its parent and key with its neighbours: follow them in a loop (a run
    // of typed characters chains through one neighbour after another), and remember the
    // answer for every item passed, so that each item is walked once.
    const chain: Y.Item[] = [start];
    let item = start;
    let result: Found | undefined;
    while (item.parent === null && result === undefined) {
      const neighbourId = item.origin ?? item.rightOrigin;
      const neighbour = neighbourId ? this.lookUp(neighbourId) : undefined;
      if (neighbour instanceof Y.Item && !(neighbour.parent instanceof Y.AbstractType)) {
        const memoised = this.memo.get(neighbour);
        if (memoised !== undefined) result = memoised;
        else if (this.walking.has(neighbour)) result = null;
        else {
          this.walking.add(neighbour);
          chain.push(neighbour);
          item = neighbour;
        }
      } else result = this.pathOfFound(neighbour);
    }
    if (result === undefined) result = this.pathUnder(item);
    for (const passed of chain) {
      this.memo.set(passed, result);
      this.walking.delete(passed);
    }
    return result;
  }

  /** The path of an item whose parent is set (a root name or a type's item id). */
  private pathUnder(item: Y.Item): Found {
    const parent = item.parent as Y.ID | string;
    if (typeof parent === 'string') return { root: parent, keys: [item.parentSub] };
    const above = this.pathOfFound(this.lookUp(parent));
    if (above === null || above === GONE) return above;
    return { root: above.root, keys: [...above.keys, item.parentSub] };
  }
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
