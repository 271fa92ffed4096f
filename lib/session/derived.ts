import type { BoardSnapshot } from '../doc';
import type { BoardSession } from './board-session';

/**
 * A selector computed from the session's snapshot (connectors, filled blocks): computed again
 * only when the snapshot changed, and through `keep` it returns the previous result when the
 * new one is equal, so what reads it re-renders only when its own content changed.
 */
export function snapshotSelector<T>(
  compute: (snapshot: BoardSnapshot) => T,
  keep: (previous: T, next: T) => T,
): (session: BoardSession) => T {
  let last: { snapshot: BoardSnapshot; value: T } | null = null;
  return (session) => {
    const snapshot = session.getSnapshot();
    if (last?.snapshot === snapshot) return last.value;
    const next = compute(snapshot);
    last = { snapshot, value: last ? keep(last.value, next) : next };
    return last.value;
  };
}
