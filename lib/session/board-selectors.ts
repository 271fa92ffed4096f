import type { BlockId } from '../model';
import { boardConnectors, type Connector } from '../view/connectors';
import { snapshotSelector } from './derived';
import { sameList } from '../view/keep-identity';

/**
 * Selectors of what the canvas draws from the whole board, each keeping its result's identity
 * while what it shows did not change, so a part reading one re-renders only then.
 */

/**
 * Every connector, each the same object while its ends did not move, and the same array
 * while none did (most notes have no connector).
 */
function keepConnectors(previous: readonly Connector[], next: readonly Connector[]) {
  const byKey = new Map(previous.map((c) => [c.key, c]));
  const kept = next.map((c) => {
    const old = byKey.get(c.key);
    return old && old.kind === c.kind && old.points.every((v, i) => v === c.points[i]) ? old : c;
  });
  return sameList(previous, kept);
}
export const selectConnectors = snapshotSelector(
  (snapshot) => boardConnectors(snapshot.notes),
  keepConnectors,
);

/** The blocks holding at least one note, in a fixed order; the same array until that changes. */
export const selectFilledBlocks = snapshotSelector(
  (snapshot): readonly BlockId[] => [...new Set(snapshot.ordered.map((n) => n.block))].sort(),
  sameList,
);
