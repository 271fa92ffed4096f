import { readPresence, type PresenceState } from '../model';

// The state's shape and its reader live in the model: the sync server reads with it too.
export type { PresenceState, PresenceUser } from '../model';

/** A participant as the UI shows them; clientId is Yjs's id for their connection. */
export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

/** Every participant with a valid state, self first, then by name. */
export function readPeers(states: Map<number, unknown>, selfClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    const state = readPresence(raw);
    if (state) peers.push({ ...state, clientId, isSelf: clientId === selfClientId });
  }
  return peers.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name),
  );
}

/**
 * The peer whose view a follow me follows: the leader's user id (lib/model/follow.ts) on a
 * state the server stamped as a facilitator's. A user id is only what a client says it is;
 * the role is what the server knows of the connection, so nobody else can steer followers.
 */
export function followedPeer(peers: readonly Peer[], leaderUserId: string): Peer | undefined {
  return peers.find(
    (peer) => !peer.isSelf && peer.role === 'facilitator' && peer.user.id === leaderUserId,
  );
}

/** Changes some of this participant's shared fields (cursor, editing, selection). */
export function updatePresence(
  awareness: { getLocalState(): Record<string, unknown> | null; setLocalState(s: unknown): void },
  patch: Partial<PresenceState>,
): void {
  const current = awareness.getLocalState();
  if (!current) return;
  awareness.setLocalState({ ...current, ...patch });
}
