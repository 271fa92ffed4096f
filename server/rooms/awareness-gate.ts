import * as time from 'lib0/time';
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type PresenceState, type Role } from '../../lib/model';

/** One client's entry in an awareness update, as read off the wire (its JSON not parsed yet). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text; `null` (the text) removes the client. */
  json: string;
}

/**
 * Client ids one connection may introduce while it is open. A Lienzo tab publishes one (its board document's
 * clientID; its private-draft connection publishes none); a stock client whose browser tabs
 * relay each other's states (y-websocket's BroadcastChannel) may hold a few more.
 */
export const MAX_CLIENTS_PER_CONNECTION = 4;

/**
 * Yjs client ids are 32-bit (Y.Doc draws them with random.uint32); anything larger is not a
 * client's.
 */
const MAX_CLIENT_ID = 0xffff_ffff;

/**
 * The largest clock accepted: a state's clock counts its client's changes (one per cursor
 * frame, ~30 a second), so 2^32 is over four years of moving a cursor, far below 2^53 where
 * adding 1 stops changing a double and the client could never be updated again.
 */
export const MAX_AWARENESS_CLOCK = 2 ** 32;

/**
 * How far one update may move its client's clock forward. An honest client sends every change
 * while connected, so its clock moves by 1; the ones dropped by the rate limit leave gaps of
 * at most a few minutes of changes. A larger jump would only let a client outrun the clocks
 * everyone keeps for that id.
 */
export const MAX_CLOCK_STEP = 100_000;

/**
 * Largest state accepted, in JSON characters. Lienzo's is under 200 characters plus its
 * selection (25 characters a note; the reader shows 500 at most, 12,500 characters).
 */
export const MAX_STATE_JSON_CHARS = 16 * 1024;

/** What others see: the state as read by the model's reader, stamped by the server. */
type StampedState = PresenceState & { role: Role };

const REMOVAL = 'null';

/** The client ids an awareness 'update' event names (y-protocols' shape). */
interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The server's rule for presence: a connection publishes, updates and removes only the
 * awareness client ids it introduced (MAX_CLIENTS_PER_CONNECTION at most), with sane clocks,
 * and states that are Lienzo presences (lib/model/presence.ts) of bounded size. What others
 * see is re-encoded from the reader's result and stamped with what the server knows of the
 * connection: the role its token grants, and a view only from a facilitator (follow me).
 * An entry that breaks a rule is dropped, and nothing of it is relayed; the connection stays
 * (a stock client sends others' states back to the server, see `wouldChange`). A connection's
 * states go when it leaves.
 *
 * It writes the room's y-protocols Awareness directly instead of through
 * applyAwarenessUpdate, which would parse each state's JSON a second time, and emits the same
 * 'update' event, which the room relays.
 */
export class AwarenessGate {
  /** Client id → the connection that introduced it. */
  private readonly owners = new Map<number, unknown>();
  /** Connection → the client ids it introduced, removed or not, while it is connected. */
  private readonly owned = new Map<unknown, Set<number>>();

  constructor(
    private readonly awareness: Awareness,
    /** Whether another process's client holds the id (cluster/remote-presence.ts). */
    private readonly isRemote: (clientId: number) => boolean = () => false,
  ) {}

  /** Whether a local connection holds `clientId` (a remote process may not take it). */
  owns(clientId: number): boolean {
    return this.owners.has(clientId);
  }

  /**
   * Whether any entry would change the room's presence: false for what a stock y-websocket
   * client sends back of every awareness message it receives (its origin is not filtered), so
   * such an echo can be told from a client's own change without reading any JSON.
   */
  wouldChange(entries: readonly AwarenessEntry[], from: unknown): boolean {
    return entries.some((entry) => this.admits(entry, from));
  }

  /**
   * Applies what `from` may publish of `entries`, stamped with `role`. Throws when an entry it
   * would apply is not JSON (the connection is closed, as for any malformed message).
   */
  apply(entries: readonly AwarenessEntry[], from: unknown, role: Role): void {
    const changes: AwarenessChanges = { added: [], updated: [], removed: [] };
    const { added, updated, removed } = changes;
    try {
      this.write(entries, from, role, time.getUnixTime(), changes);
    } finally {
      // Relays what was applied before a malformed entry, too: it is in the room's states.
      if (added.length + updated.length + removed.length > 0)
        this.awareness.emit('update', [changes, from]);
    }
  }

  private write(
    entries: readonly AwarenessEntry[],
    from: unknown,
    role: Role,
    now: number,
    { added, updated, removed }: AwarenessChanges,
  ): void {
    for (const entry of entries) {
      if (!this.admits(entry, from)) continue;
      const { clientId, clock, json } = entry;
      const had = this.awareness.states.has(clientId);
      if (json === REMOVAL) {
        // The id stays the connection's: freeing it would let one connection cycle through
        // ids without end, each leaving its clock in the room's meta.
        this.awareness.states.delete(clientId);
        if (had) removed.push(clientId);
      } else {
        const state = json.length <= MAX_STATE_JSON_CHARS ? stamp(JSON.parse(json), role) : null;
        if (!state) continue;
        this.awareness.states.set(clientId, state);
        this.own(clientId, from);
        (had ? updated : added).push(clientId);
      }
      this.awareness.meta.set(clientId, { clock, lastUpdated: now });
    }
  }

  /** Removes the states of a connection that left (relayed as removals) and frees its ids. */
  leave(from: unknown): number[] {
    const ids = [...(this.owned.get(from) ?? [])];
    this.owned.delete(from);
    for (const clientId of ids) this.owners.delete(clientId);
    return ids;
  }

  /** Whether `from` may apply `entry` now: its own id (or a new one), a newer sane clock. */
  private admits({ clientId, clock, json }: AwarenessEntry, from: unknown): boolean {
    if (clientId > MAX_CLIENT_ID || clock > MAX_AWARENESS_CLOCK) return false;
    // A local connection never takes an id another process's client holds.
    if (this.isRemote(clientId)) return false;
    const owner = this.owners.get(clientId);
    if (owner !== undefined && owner !== from) return false;
    const known = this.awareness.meta.get(clientId)?.clock;
    if (owner === undefined) {
      // A new id: only with a state, and within the connection's allowance. An id someone
      // left with keeps its clock: what is sent back of its removal must not revive it.
      if (json === REMOVAL || (known !== undefined && clock <= known)) return false;
      return (this.owned.get(from)?.size ?? 0) < MAX_CLIENTS_PER_CONNECTION;
    }
    if (known === undefined) return true;
    // y-protocols' rule: a newer clock wins, and a removal may come with the same clock.
    const newer = clock > known || (clock === known && json === REMOVAL);
    return newer && clock - known <= MAX_CLOCK_STEP;
  }

  private own(clientId: number, from: unknown): void {
    if (this.owners.get(clientId) === from) return;
    this.owners.set(clientId, from);
    let ids = this.owned.get(from);
    if (!ids) this.owned.set(from, (ids = new Set()));
    ids.add(clientId);
  }
}

/** The state others see: the reader's, with the connection's role, a view only if it leads. */
function stamp(raw: unknown, role: Role): StampedState | null {
  const state = readPresence(raw);
  if (!state) return null;
  return { ...state, view: role === 'facilitator' ? state.view : null, role };
}
