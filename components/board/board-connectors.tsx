'use client';
import { memo, useContext, useMemo, useSyncExternalStore } from 'react';
import type { NoteId } from '@/lib/model';
import { useSession, useSessionValue } from '@/lib/react/use-session';
import { snapshotSelector } from '@/lib/session/derived';
import { sameJson } from '@/lib/session/keep-identity';
import { boardConnectors, type DragOffset } from '@/lib/view/connectors';
import { DecorationsContext } from './canvas-context';
import { ConnectorArrows, ConnectorsLayer } from './connectors-layer';
import { countRender } from './render-count';

/** Every connector, the same array while no connector's ends moved (most notes have none). */
const selectConnectors = snapshotSelector((snapshot) => boardConnectors(snapshot.notes), sameJson);

/** The notes the filter leaves out, whose connectors fade with them. */
function useFaded(): ReadonlySet<NoteId> {
  const decorations = useContext(DecorationsContext);
  return useSyncExternalStore(decorations.subscribe, decorations.getFaded, decorations.getFaded);
}

/** The connectors that stay where they are: all of them, less those of the dragged notes. */
export const BoardConnectors = memo(function BoardConnectors({
  draggedIds,
}: {
  draggedIds: ReadonlySet<NoteId> | null;
}) {
  countRender('connectors');
  const connectors = useSessionValue(selectConnectors);
  const faded = useFaded();
  const still = useMemo(
    () =>
      draggedIds
        ? connectors.filter((c) => !draggedIds.has(c.from) && !draggedIds.has(c.to))
        : connectors,
    [connectors, draggedIds],
  );
  return <ConnectorsLayer connectors={still} faded={faded} />;
});

/**
 * The connectors of the dragged notes, following them (in the drag layer), and the one being
 * drawn with the connector tool.
 */
export function MovingConnectors({
  offset,
  draft,
}: {
  offset: DragOffset | null;
  draft: [number, number, number, number] | null;
}) {
  const session = useSession();
  const faded = useFaded();
  const connectors = useMemo(() => {
    if (!offset) return [];
    return boardConnectors(session.getSnapshot().notes, offset).filter(
      (c) => offset.ids.has(c.from) || offset.ids.has(c.to),
    );
  }, [offset, session]);
  return <ConnectorArrows connectors={connectors} faded={faded} draft={draft} />;
}
