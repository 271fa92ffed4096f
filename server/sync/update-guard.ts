import * as Y from 'yjs';
import { META_KEYS, NOTE_KEYS, ROOT, type NoteId, type Role } from '../../lib/model';
import { notePlaceIn } from '../../lib/doc/lock-gate';
import { readBoardLocks } from '../../lib/doc/locks';
import { lockRefusal, misplaced, type NotePlace } from '../../lib/model/lock-rule';
import type { WorkshopLocks } from '../../lib/model/workshop-locks';
import { isNewToDoc, newlyDeleted, type DecodedUpdate } from './update-effect';
import { GONE, UpdatePaths, pathInDoc, type Path } from './update-paths';

/**
 * Decides, before the room applies it, whether a connection's role may make an update,
 * against the room's current document:
 * - only a facilitator changes anything under ROOT.workshop (timer, locks, vote, ...);
 * - with the board locked, an editor changes nothing under ROOT.notes or ROOT.meta (votes and
 *   comments stay open: a facilitator often locks the board and then runs a vote);
 * - with a block locked, an editor creates, changes, deletes and moves no note in or out of
 *   it, the block being where the note is (lib/model/lock-rule.ts), whatever its field says;
 * - nobody creates a note, or changes its place, so that its `block` field disagrees with
 *   its geometry;
 * - nobody writes meta.schemaVersion: only the server does (creation, migrations), and a page
 *   that reads another version than its own stops writing (lib/sync/connect-board.ts).
 *
 * Every update passes here, so it reads the update's structs and delete set in place and looks
 * items up in the room's store: no document is cloned and nothing is applied to find out. A
 * note's place after the update is its place in the room overridden by the values the update
 * writes for x, y, width, height and block (only those, for a note the update creates).
 */
export type GuardVerdict = { ok: true } | { ok: false; reason: string };

const ALLOWED: GuardVerdict = { ok: true };

const PLACE_KEYS: ReadonlySet<string> = new Set([
  NOTE_KEYS.x,
  NOTE_KEYS.y,
  NOTE_KEYS.width,
  NOTE_KEYS.height,
  NOTE_KEYS.block,
]);

/** What an update does to one note: creates its map, deletes it, writes place values. */
interface NoteChange {
  created: boolean;
  deleted: boolean;
  values: Map<string, unknown>;
}

function refused(reason: string): GuardVerdict {
  return { ok: false, reason };
}

/** One place value after a change: the one it writes, else the note's before. */
function valueAfter(change: NoteChange, base: NotePlace | null, key: keyof NotePlace): unknown {
  return change.values.has(key) ? change.values.get(key) : base?.[key];
}

/**
 * What an update touches: its roots, whether it writes the schema version, its notes. A class
 * rather than closures made per update: every update passes here, and the server runs under
 * tsx, whose keepNames wraps each closure created in a call with a defineProperty.
 */
class Touched {
  readonly roots = new Set<string>();
  schemaVersion = false;
  readonly notes = new Map<string, NoteChange>();

  /** Records `path` and returns the change of the note it lies in, if any. */
  touch({ root, keys }: Path): NoteChange | null {
    this.roots.add(root);
    if (root === ROOT.meta && keys[0] === META_KEYS.schemaVersion) this.schemaVersion = true;
    const note = root === ROOT.notes ? keys[0] : null;
    if (!note) return null;
    let change = this.notes.get(note);
    if (!change)
      this.notes.set(note, (change = { created: false, deleted: false, values: new Map() }));
    return change;
  }
}

/** The place a change leaves a note in (null: deleted, or never there). */
function placeAfter(before: NotePlace | null, change: NoteChange): NotePlace | null {
  if (change.deleted && !change.created) return null;
  const base = change.created ? null : before;
  if (!change.created && !base) return null;
  return {
    x: valueAfter(change, base, 'x'),
    y: valueAfter(change, base, 'y'),
    width: valueAfter(change, base, 'width'),
    height: valueAfter(change, base, 'height'),
    block: valueAfter(change, base, 'block'),
  };
}

/**
 * Whether `role` may apply `update` to `doc`. Viewers are turned away before this. `locks`
 * are the board's: a private writer's draft (server/private) is judged against the locks of
 * the board it will be revealed on. `paths` may be shared with the value guard (protocol.ts).
 */
export function checkUpdate(
  doc: Y.Doc,
  role: Role,
  update: DecodedUpdate,
  locks: WorkshopLocks = readBoardLocks(doc),
  paths: UpdatePaths = new UpdatePaths(doc, update.structs),
): GuardVerdict {
  const { structs, ds } = update;
  const touched = new Touched();

  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !isNewToDoc(doc, struct)) continue;
    const path = paths.pathOf(struct);
    if (path === GONE) continue;
    // Not placeable: the room would hold it pending, and it might be workshop state. Never
    // the case for a client syncing through this server (it has every parent it saw).
    if (path === null) return refused('an update whose place in the board is unknown');
    const change = touched.touch(path);
    if (!change) continue;
    if (path.keys.length === 1) {
      if (struct.content instanceof Y.ContentType && isLive(ds, struct)) change.created = true;
    } else if (path.keys.length === 2 && isPlaceValue(ds, struct, path.keys[1]!)) {
      const { arr } = struct.content as Y.ContentAny;
      change.values.set(path.keys[1]!, arr[arr.length - 1]);
    }
  }

  // Only what it deletes anew in the room counts.
  for (const item of newlyDeleted(doc, ds)) {
    const path = pathInDoc(item);
    const change = touched.touch(path);
    if (change && path.keys.length === 1) change.deleted = true;
  }

  const { roots, schemaVersion, notes } = touched;
  if (schemaVersion) return refused('only the server writes the schema version');
  const editor = role !== 'facilitator';
  if (editor && roots.has(ROOT.workshop)) return refused('only the facilitator runs the workshop');
  if (editor && locks.board && (roots.has(ROOT.notes) || roots.has(ROOT.meta)))
    return refused('the board is locked');
  for (const [note, change] of notes) {
    const before = notePlaceIn(doc, note as NoteId);
    const after = placeAfter(before, change);
    if (editor && lockRefusal(locks, before, after)) return refused('this block is locked');
    if (misplaced(before, after))
      return refused("a note's block field disagrees with where the note is");
  }
  return ALLOWED;
}

/**
 * An item the update really adds (only items new to the room reach here: isNewToDoc), not
 * deleted by the update itself (a value or note it overwrote or removed again offline, when
 * the sender keeps deleted content).
 */
function isLive(ds: DecodedUpdate['ds'], item: Y.Item): boolean {
  return !Y.isDeleted(ds, item.id);
}

/** A live plain value the update writes for a key of a note's place. */
function isPlaceValue(
  ds: DecodedUpdate['ds'],
  item: Y.Item,
  key: string,
): item is Y.Item & { content: Y.ContentAny } {
  return PLACE_KEYS.has(key) && item.content instanceof Y.ContentAny && isLive(ds, item);
}
