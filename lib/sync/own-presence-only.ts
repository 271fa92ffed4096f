import type { WebsocketProvider } from 'y-websocket';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * Makes the provider send only this tab's own presence. y-websocket sends every awareness
 * change it applies, the ones it just received from the server included, so on a board of N
 * people each tab would send back everything the N-1 others send: N² messages for the server
 * to read and drop (server/rooms/awareness-gate.ts refuses others' ids). Our own state still
 * goes out whatever the origin of its change, which keeps y-protocols' answer to a remote
 * removal of it (it re-sends the state with a newer clock). Other tabs of this browser get
 * their peers from their own connection to the server.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  const send = provider._awarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  const ownOnly = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    const changes = { added: own(added), updated: own(updated), removed: own(removed) };
    if (changes.added.length + changes.updated.length + changes.removed.length > 0)
      send(changes, origin);
  };
  awareness.off('update', send);
  awareness.on('update', ownOnly);
  // provider.destroy() unsubscribes this property's handler.
  provider._awarenessUpdateHandler = ownOnly;
}
