'use client';
import { useCallback, useRef, useState, type RefObject } from 'react';
import type Konva from 'konva';
import type { NoteId, Point } from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import type { BoardSession } from '@/lib/session/board-session';
import type { NoteNodes } from './canvas-context';

interface DragState {
  ids: NoteId[];
  origins: Map<NoteId, Point>;
  /** Each dragged node's notes layer and place in it, to put it back there on drop. */
  places: Map<NoteId, { layer: Konva.Container; zIndex: number }>;
  /** False from the press (lift) until the drag really starts. */
  moving: boolean;
}

/** What a drag reads when it starts and writes when it ends (the latest, through a ref). */
export interface DragInputs {
  session: BoardSession;
  actions: BoardActions;
}

export interface NoteDragOptions {
  latest: RefObject<DragInputs>;
  /** The notes' Konva groups by id (canvas-context.ts). */
  nodes: NoteNodes;
  /** After the drop's write, puts the nodes where the document says. */
  snapNodesToRecords(ids: readonly NoteId[]): void;
}

/**
 * Dragging notes: the selection moves together (a note outside it replaces it first), only
 * the Konva nodes move while the pointer does, and the document is written once, on drop,
 * with one moveNotes. While dragging, the dragged notes live in a group of the overlay layer,
 * so each frame redraws that layer only, not every note and connector of the board (see
 * bench/frame-time.ts); draggedIds and dragDelta let the connectors of dragged notes follow.
 * Grab and drop redraw only the notes layers the dragged notes come from (board-canvas.tsx).
 */
export function useNoteDrag({ latest, nodes, snapNodesToRecords }: NoteDragOptions) {
  const drag = useRef<DragState | null>(null);
  const dragGroupRef = useRef<Konva.Group>(null);
  const [draggedIds, setDraggedIds] = useState<ReadonlySet<NoteId> | null>(null);
  const [dragDelta, setDragDelta] = useState<Point>({ x: 0, y: 0 });
  const dragFrame = useRef<number | null>(null);
  const releaseFrame = useRef<number | null>(null);

  /**
   * Lifts the notes a drag of `id` would move into the overlay's drag group, at the press:
   * taking a note out of its notes layer redraws that layer, which a press redraws anyway
   * (the note's selection edge), so the first frame of the drag then redraws the overlay
   * only. A click without a drag puts them back (settle).
   */
  const lift = useCallback(
    (id: NoteId): DragState | null => {
      if (drag.current) return drag.current;
      const { session } = latest.current;
      const current = session.selection.get();
      const ids = current.has(id) ? [...current] : [id];
      const origins = new Map<NoteId, Point>();
      for (const noteId of ids) {
        const note = session.getNote(noteId);
        if (note) origins.set(noteId, { x: note.x, y: note.y });
      }
      const places = new Map<NoteId, { layer: Konva.Container; zIndex: number }>();
      const grabbed = [...origins.keys()]
        .map((noteId) => nodes.get(noteId))
        .filter((node): node is Konva.Group => node !== undefined && node.draggable());
      if (grabbed.length === 0 || !dragGroupRef.current) return null;
      for (const node of grabbed) {
        const layer = node.getParent();
        if (layer) places.set(node.id() as NoteId, { layer, zIndex: node.zIndex() });
      }
      for (const node of grabbed) node.moveTo(dragGroupRef.current);
      drag.current = { ids: [...origins.keys()], origins, places, moving: false };
      return drag.current;
    },
    [latest, nodes],
  );

  const onNoteDragStart = useCallback(
    (id: NoteId) => {
      const { session } = latest.current;
      if (!session.selection.get().has(id)) session.selection.select([id], 'replace');
      const state = lift(id);
      if (!state) return;
      state.moving = true;
      if (releaseFrame.current !== null) cancelAnimationFrame(releaseFrame.current);
      releaseFrame.current = null;
      setDraggedIds(new Set(state.ids));
      setDragDelta({ x: 0, y: 0 });
    },
    [latest, lift],
  );

  /** Puts dragged nodes back in the notes layer, each at its old place in the stacking order. */
  const returnDraggedNodes = useCallback(
    (state: DragState) => {
      const back = [...state.places].sort((a, b) => a[1].zIndex - b[1].zIndex);
      for (const [id, { layer, zIndex }] of back) {
        const node = nodes.get(id);
        if (!node) continue;
        node.moveTo(layer);
        node.zIndex(Math.min(zIndex, layer.children.length - 1));
      }
    },
    [nodes],
  );

  const onNoteDragMove = useCallback(
    (id: NoteId, event: Konva.KonvaEventObject<DragEvent>) => {
      const state = drag.current;
      const origin = state?.origins.get(id);
      if (!state || !origin) return;
      const dx = event.target.x() - origin.x;
      const dy = event.target.y() - origin.y;
      // Only the Konva nodes move while dragging; the document is written once, on drop.
      for (const other of state.ids) {
        if (other === id) continue;
        const start = state.origins.get(other)!;
        nodes.get(other)?.position({ x: start.x + dx, y: start.y + dy });
      }
      // Connectors follow, redrawn at most once a frame.
      if (dragFrame.current === null) {
        dragFrame.current = requestAnimationFrame(() => {
          dragFrame.current = null;
          if (drag.current) setDragDelta({ x: dx, y: dy });
        });
      }
    },
    [nodes],
  );

  const onNoteDragEnd = useCallback(
    (id: NoteId, event: Konva.KonvaEventObject<DragEvent>) => {
      const state = drag.current;
      drag.current = null;
      // The still connectors take the dropped notes' back a frame later: the drop's frame
      // redraws the notes' layer, the next one the connectors' (each within a frame). Until
      // then the overlay draws them where the document now has the notes (no offset).
      setDragDelta({ x: 0, y: 0 });
      releaseFrame.current = requestAnimationFrame(() => {
        releaseFrame.current = null;
        setDraggedIds(null);
      });
      if (state) returnDraggedNodes(state);
      const origin = state?.origins.get(id);
      if (!state || !origin) return;
      const dx = event.target.x() - origin.x;
      const dy = event.target.y() - origin.y;
      if (dx !== 0 || dy !== 0) {
        latest.current.actions.moveNotes(
          state.ids.map((noteId) => {
            const start = state.origins.get(noteId)!;
            return { id: noteId, x: start.x + dx, y: start.y + dy };
          }),
        );
      }
      snapNodesToRecords(state.ids);
    },
    [latest, snapNodesToRecords, returnDraggedNodes],
  );

  /** The press ended without a drag (a click): the lifted notes go back to their layers. */
  const settle = useCallback(() => {
    const state = drag.current;
    if (!state || state.moving) return;
    drag.current = null;
    returnDraggedNodes(state);
  }, [returnDraggedNodes]);

  return {
    dragGroupRef,
    draggedIds,
    dragDelta,
    lift,
    settle,
    onNoteDragStart,
    onNoteDragMove,
    onNoteDragEnd,
  };
}
