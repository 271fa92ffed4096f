'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { readPeers, type BoardConnection, type Peer } from '../sync';

const NO_PEERS: Peer[] = [];
const noop = () => () => {};

/** Everyone on the board (self included), from awareness; a new array only on change. */
export function usePeers(connection: BoardConnection | null): Peer[] {
  const cache = useRef<Peer[]>(NO_PEERS);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!connection) return noop();
      const { awareness } = connection;
      const onChange = () => {
        cache.current = readPeers(awareness.getStates(), awareness.clientID);
        listener();
      };
      onChange();
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [connection],
  );
  return useSyncExternalStore(
    subscribe,
    () => (connection ? cache.current : NO_PEERS),
    () => NO_PEERS,
  );
}
