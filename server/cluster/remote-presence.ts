import * as decoding from 'lib0/decoding';
import * as time from 'lib0/time';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { MAX_STATE_JSON_CHARS } from '../rooms/awareness-gate';
import { RemoteOrigin, type PresenceHost } from './awareness-relay';

const REMOVAL = 'null';

/**
 * The presence of other processes' clients in one room's awareness. Their states were
 * checked and stamped by the gate of the process their connection is on (awareness-gate.ts),
 * so they are applied as they come, under y-protocols' clock rule; what this class adds is
 * who owns which id:
 *
 * - an id a local connection holds (`isLocal`) is never taken by a remote process;
 * - an id a remote process holds is never taken by a local connection: the room's gate asks
 *   `owns` and refuses it (the lead's one-line change in AwarenessGate.admits), since a remote
 *   id is no local connection's own;
 * - when a process goes (bye, or silent for PEER_TIMEOUT_MS), its ids are removed here and
 *   relayed to the local clients as removals.
 */
export class RemotePresence implements PresenceHost {
  /** Client id → the process whose connection introduced it. */
  private readonly owners = new Map<number, string>();
  private readonly origins = new Map<string, RemoteOrigin>();

  constructor(
    private readonly awareness: Awareness,
    /** Whether a local connection holds the id (AwarenessGate). */
    private readonly isLocal: (clientId: number) => boolean,
  ) {}

  /** Whether a remote process holds `clientId` (a local connection may not take it). */
  owns(clientId: number): boolean {
    return this.owners.has(clientId);
  }

  applyRemote(update: Uint8Array, processId: string): void {
    const added: number[] = [];
    const updated: number[] = [];
    const removed: number[] = [];
    const now = time.getUnixTime();
    for (const { clientId, clock, json } of readEntries(update)) {
      if (this.isLocal(clientId) || !this.newer(clientId, clock, json)) continue;
      const had = this.awareness.states.has(clientId);
      if (json === REMOVAL) {
        this.awareness.states.delete(clientId);
        this.owners.delete(clientId);
        if (had) removed.push(clientId);
      } else {
        const state = json.length <= MAX_STATE_JSON_CHARS ? parseState(json) : null;
        if (!state) continue;
        this.awareness.states.set(clientId, state);
        this.owners.set(clientId, processId);
        (had ? updated : added).push(clientId);
      }
      this.awareness.meta.set(clientId, { clock, lastUpdated: now });
    }
    this.emit(processId, { added, updated, removed });
  }

  removePeer(processId: string): void {
    const removed: number[] = [];
    for (const [clientId, owner] of this.owners) {
      if (owner !== processId) continue;
      this.owners.delete(clientId);
      // Its clock goes too: the process may come back (Redis returned) and resend the same
      // state with the same clock, which y-protocols' rule would refuse as old.
      this.awareness.meta.delete(clientId);
      if (this.awareness.states.delete(clientId)) removed.push(clientId);
    }
    this.emit(processId, { added: [], updated: [], removed });
    this.origins.delete(processId);
  }

  localUpdate(): Uint8Array | null {
    const local = [...this.awareness.states.keys()].filter((id) => !this.owners.has(id));
    return local.length > 0 ? encodeAwarenessUpdate(this.awareness, local) : null;
  }

  /** y-protocols' rule: a newer clock wins, and a removal may come with the same clock. */
  private newer(clientId: number, clock: number, json: string): boolean {
    const known = this.awareness.meta.get(clientId)?.clock;
    if (known === undefined) return json !== REMOVAL;
    return clock > known || (clock === known && json === REMOVAL);
  }

  private emit(
    processId: string,
    changes: { added: number[]; updated: number[]; removed: number[] },
  ): void {
    if (changes.added.length + changes.updated.length + changes.removed.length === 0) return;
    let origin = this.origins.get(processId);
    if (!origin) this.origins.set(processId, (origin = new RemoteOrigin(processId)));
    // The same event the gate emits, which the room relays to its connections.
    this.awareness.emit('update', [changes, origin]);
  }
}

/** The entries of a y-protocols awareness update: client id, clock, state as JSON. */
function readEntries(update: Uint8Array): { clientId: number; clock: number; json: string }[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries = [];
    for (let i = 0; i < count; i++)
      entries.push({
        clientId: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
        json: decoding.readVarString(decoder),
      });
    return entries;
  } catch {
    // Our own processes wrote it; a frame cut short is dropped whole.
    return [];
  }
}

function parseState(json: string): Record<string, unknown> | null {
  try {
    const state: unknown = JSON.parse(json);
    return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
