import * as Y from 'yjs';

/**
 * Where the items of an update sit in a board document: the root type and the map keys from
 * it down to the item, found without applying the update. The update guard (roles, locks)
 * and the value guard (the schema) both read an update through this.
 */

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

export interface Path {
  root: string;
  keys: (string | null)[];
}

/** Lost: the item hangs off garbage-collected content, and Yjs integrates it as garbage. */
export const GONE = 'gone' as const;
export type Found = Path | null | typeof GONE;

/** The path of an item of the room document, walking its parent types up to the root. */
export function pathInDoc(item: Y.Item): Path {
  const keys: (string | null)[] = [item.parentSub];
  let type = item.parent as Y.AbstractType<unknown>;
  while (type._item) {
    keys.unshift(type._item.parentSub);
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  return { root: Y.findRootTypeKey(type), keys };
}

/**
 * Finds the path of the items of one update. An item's parent is a root name, the id of an
 * item holding a type (in the update or the room), or, when unset, that of its left or right
 * neighbour. null: the parent is in neither (the room would keep the item pending).
 */
export class UpdatePaths {
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
