'use client';
import { memo, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { NoteId, NoteRecord } from '@/lib/model';
import { useConnectors, useSession } from '@/lib/react/use-session';
import { boardConnectors, type Connector, type DragOffset } from '@/lib/view/connectors';
import { sameList } from '@/lib/view/keep-identity';
import { DecorationsContext } from './canvas-context';
import { ConnectorArrows, ConnectorsLayer } from './connectors-layer';
import { countRender } from './render-count';

/** The notes the filter leaves out, whose connectors fade with them. */
function useFaded(): ReadonlySet<NoteId> {
  const decorations = useContext(DecorationsContext);
  return useSyncExternalStore(decorations.subscribe, decorations.getFaded, decorations.getFaded);
}

/**
 * Connectors per Konva layer. A grab takes the dragged notes' connectors out of the still
 * ones; only the layers that held them are redrawn (dashed arrows are slow to raster). Few
 * layers all the same: each is a canvas the compositor copies (NOTES_PER_LAYER, board-canvas.tsx).
 */
const CONNECTORS_PER_LAYER = 500;

/** The connectors that stay where they are: all of them, less those of the dragged notes. */
export const BoardConnectors = memo(function BoardConnectors({
  draggedIds,
}: {
  draggedIds: ReadonlySet<NoteId> | null;
}) {
  countRender('connectors');
  const connectors = useConnectors();
  const faded = useFaded();
  const kept = useRef<(readonly Connector[])[]>([]);
  const layers = useMemo(() => {
    const layers: (readonly Connector[])[] = [];
    for (let start = 0; start < connectors.length; start += CONNECTORS_PER_LAYER) {
      const chunk = connectors.slice(start, start + CONNECTORS_PER_LAYER);
      const still = draggedIds
        ? chunk.filter((c) => !draggedIds.has(c.from) && !draggedIds.has(c.to))
        : chunk;
      // The same array for a layer whose connectors did not change: it is not redrawn.
      layers.push(sameList(kept.current[layers.length] ?? [], still));
    }
    return layers;
  }, [connectors, draggedIds]);
  useEffect(() => {
    kept.current = layers;
  }, [layers]);
  return layers.map((still, index) => (
    <ConnectorsLayer key={index} connectors={still} faded={faded} />
  ));
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
  const all = useConnectors();
  const faded = useFaded();
  // The notes at either end of the dragged notes' connectors, found once per drag: each frame
  // then places only those, not every note of the board.
  const ids = offset?.ids;
  const ends = useMemo(() => {
    if (!ids) return null;
    const { notes } = session.getSnapshot();
    const ends = new Map<NoteId, NoteRecord>();
    for (const c of all)
      if (ids.has(c.from) || ids.has(c.to))
        for (const id of [c.from, c.to]) {
          const note = notes.get(id);
          if (note) ends.set(id, note);
        }
    return ends;
  }, [ids, all, session]);
  const connectors = useMemo(() => {
    if (!offset || !ends) return [];
    return boardConnectors(ends, offset).filter(
      (c) => offset.ids.has(c.from) || offset.ids.has(c.to),
    );
  }, [offset, ends]);
  return <ConnectorArrows connectors={connectors} faded={faded} draft={draft} />;
}
