'use client';
import { memo, useContext, useMemo, useSyncExternalStore } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
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
  // The notes at either end of the dragged notes' connectors, found once per drag: each frame
  // then places only those, not every note of the board.
  const ids = offset?.ids;
  const ends = useMemo(() => {
    if (!ids) return null;
    const { notes } = session.getSnapshot();
    const ends = new Map<NoteId, NoteRecord>();
    for (const c of selectConnectors(session))
      if (ids.has(c.from) || ids.has(c.to))
        for (const id of [c.from, c.to]) {
          const note = notes.get(id);
          if (note) ends.set(id, note);
        }
    return ends;
  }, [ids, session]);
  const connectors = useMemo(() => {
    if (!offset || !ends) return [];
    return boardConnectors(ends, offset).filter(
      (c) => offset.ids.has(c.from) || offset.ids.has(c.to),
    );
  }, [offset, ends]);
  return <ConnectorArrows connectors={connectors} faded={faded} draft={draft} />;
}
