'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Layer, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import { newNoteCornerAt, rectFromCorners, type NoteId, type Point, type Size } from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import { useNoteIds, useSession } from '@/lib/react/use-session';
import { edgePoint } from '@/lib/view/connectors';
import { notesInRect } from '@/lib/view/selection';
import { panBy, pinchOf, pinchStep, zoomAt, type Pinch, type Viewport } from '@/lib/view/viewport';
import type { Tool } from '@/lib/view/tools';
import { BoardBlocks } from './board-blocks';
import { NoteNodesContext, type NoteNodes } from './canvas-context';
import { BoardConnectors, MovingConnectors } from './board-connectors';
import { watchFirstDraw } from './first-draw';
import { NoteNode, SELECTION_COLOR } from './note-node';
import { RemoteCursors } from './remote-cursors';
import { countRender } from './render-count';
import { SelectionBox } from './selection-box';
import { useDoubleClickGuard } from './use-double-click-guard';
import { useLatest } from './use-latest';
import { useNoteDrag } from './use-note-drag';
import { useRevealedLayers } from './use-revealed-layers';

export type { Tool };

/** Ctrl+wheel zoom speed: a typical wheel notch (deltaY 100) zooms by about 22%. */
const WHEEL_ZOOM_SPEED = 0.002;
/**
 * Notes per Konva layer, in drawing order. Grabbing a note takes it out of its layer, which
 * Konva then redraws whole (scene and hit graph): on one layer of 2,000 notes that was a
 * 100-300 ms freeze. But every layer is a canvas as big as the stage, and once the canvases
 * of a page outgrow what Chromium keeps for them, a frame that changes any canvas copies
 * them all again (ProduceCanvasResource, 3-5 ms each at 1400x900): at 200 notes a layer a
 * 2,000-note board had 19 canvases and froze 60-70 ms at each grab. 250 keeps a layer's
 * redraw within a frame and the canvases few (bench/frame-time.ts measures both).
 */
const NOTES_PER_LAYER = 250;

/** What the canvas's gestures do beyond the canvas (bound by the page). */
export interface CanvasGestures {
  actions: BoardActions;
  /** The connector tool dropped a link from one note onto another. */
  onConnect(from: NoteId, to: NoteId): void;
  onNotePlaced(id: NoteId): void;
  onEdit(id: NoteId): void;
  onCursor(point: Point | null): void;
  onViewportChange(viewport: Viewport): void;
}

export interface BoardCanvasProps {
  size: Size;
  tool: Tool;
  /** Space held: the pointer pans whatever the tool. */
  spacePanning: boolean;
  viewport: Viewport;
  editingId: NoteId | null;
  /** A viewer's board: no creating, dragging or resizing (the server would drop it anyway). */
  readOnly: boolean;
  gestures: CanvasGestures;
}

/**
 * The Konva stage: blocks, notes, selection, resizing, panning, zooming and cursors. The
 * notes, connectors and selection read the session themselves (lib/react/use-session.ts):
 * a change to one note re-renders what shows that note, not the stage.
 */
export default function BoardCanvas(props: BoardCanvasProps) {
  countRender('canvas');
  const { size, viewport, tool, spacePanning, editingId, readOnly } = props;
  const session = useSession();
  const noteIds = useNoteIds();
  const latest = useLatest({ ...props.gestures, session, tool, readOnly, viewport });
  const stageRef = useRef<Konva.Stage>(null);
  const firstNotesLayer = useRef<Konva.Layer>(null);
  const [nodes] = useState<NoteNodes>(() => new Map());
  const [marquee, setMarquee] = useState<{ start: Point; end: Point } | null>(null);
  const [connectDraft, setConnectDraft] = useState<{ from: NoteId; to: Point } | null>(null);
  const pinch = useRef<Pinch | null>(null);
  const spansGesture = useDoubleClickGuard(stageRef);
  const panning = tool === 'pan' || spacePanning;

  useEffect(
    () => (firstNotesLayer.current ? watchFirstDraw(firstNotesLayer.current) : undefined),
    [],
  );

  /** After a write, put nodes where the document says (it may have clamped the gesture). */
  const snapNodesToRecords = useCallback(
    (ids: readonly NoteId[]) => {
      for (const id of ids) {
        const record = session.getNote(id);
        const node = nodes.get(id);
        if (record && node) node.setAttrs({ x: record.x, y: record.y, scaleX: 1, scaleY: 1 });
      }
    },
    [session, nodes],
  );

  const {
    dragGroupRef,
    draggedIds,
    dragDelta,
    lift,
    settle,
    onNoteDragStart,
    onNoteDragMove,
    onNoteDragEnd,
  } = useNoteDrag({ latest, nodes, snapNodesToRecords });
  const dragOffset = useMemo(
    () => (draggedIds ? { ids: draggedIds, dx: dragDelta.x, dy: dragDelta.y } : null),
    [draggedIds, dragDelta],
  );
  const draftPoints = useMemo((): [number, number, number, number] | null => {
    const from = connectDraft ? session.getNote(connectDraft.from) : undefined;
    if (!connectDraft || !from) return null;
    const start = edgePoint(from, connectDraft.to);
    return [start.x, start.y, connectDraft.to.x, connectDraft.to.y];
  }, [connectDraft, session]);

  const boardPointer = (): Point | null => stageRef.current?.getRelativePointerPosition() ?? null;

  const onNotePointerDown = useCallback(
    (id: NoteId, event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      event.cancelBubble = true; // the stage must not start a selection rectangle
      const { selection } = latest.current.session;
      if (latest.current.tool === 'connect') {
        const point = stageRef.current?.getRelativePointerPosition();
        if (point) setConnectDraft({ from: id, to: point });
        return;
      }
      if (event.evt.shiftKey) selection.select([id], 'toggle');
      else if (!selection.get().has(id)) selection.select([id], 'replace');
      lift(id); // a drag may follow: its first frame then redraws the overlay only
    },
    [latest, lift],
  );

  const onNoteDoubleClick = useCallback(
    (id: NoteId) => {
      if (!spansGesture()) latest.current.onEdit(id);
    },
    [latest, spansGesture],
  );

  const onResize = useCallback(
    (id: NoteId, rect: { x: number; y: number; width: number; height: number }) => {
      latest.current.actions.resizeNote(id, rect);
      snapNodesToRecords([id]);
    },
    [latest, snapNodesToRecords],
  );

  const placeNoteAt = (point: Point, thenEdit: boolean) => {
    const { actions, onNotePlaced, onEdit } = latest.current;
    if (readOnly) return;
    const id = actions.createNote(newNoteCornerAt(point));
    if (id === null) return;
    onNotePlaced(id);
    if (thenEdit) onEdit(id);
  };

  /** Two fingers on a touch screen zoom and pan; one finger works as the mouse does. */
  const twoFingers = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>): Pinch | null => {
    const touches = 'touches' in event.evt ? event.evt.touches : null;
    const [a, b] = touches && touches.length === 2 ? [touches[0]!, touches[1]!] : [];
    const box = stageRef.current?.container().getBoundingClientRect();
    if (!a || !b || !box) return null;
    return pinchOf(
      { x: a.clientX - box.left, y: a.clientY - box.top },
      { x: b.clientX - box.left, y: b.clientY - box.top },
    );
  };

  const { onViewportChange, onCursor } = props.gestures;
  const onTouchMove = (event: Konva.KonvaEventObject<TouchEvent>) => {
    const now = twoFingers(event);
    if (!now) return onStageMouseMove();
    event.evt.preventDefault();
    if (pinch.current) onViewportChange(pinchStep(viewport, pinch.current, now));
    pinch.current = now;
  };

  const onStageMouseDown = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (twoFingers(event)) return setMarquee(null);
    if (event.target !== stageRef.current || panning) return;
    const point = boardPointer();
    if (!point) return;
    if (tool === 'note') return placeNoteAt(point, true);
    if (tool === 'connect') return;
    if (!event.evt.shiftKey) session.selection.select([], 'replace');
    setMarquee({ start: point, end: point });
  };

  const onStageMouseMove = () => {
    const point = boardPointer();
    onCursor(point);
    if (marquee && point) setMarquee({ ...marquee, end: point });
    if (connectDraft && point) setConnectDraft({ ...connectDraft, to: point });
  };

  /** The note under the pointer, if any (for dropping a connector on it). */
  const noteUnderPointer = (): NoteId | null => {
    const stage = stageRef.current;
    const pointer = stage?.getPointerPosition();
    const shape = pointer ? stage?.getIntersection(pointer) : null;
    const group = shape?.findAncestor('.note');
    return group ? (group.id() as NoteId) : null;
  };

  const onStageMouseUp = () => {
    settle();
    if (connectDraft) {
      const target = noteUnderPointer();
      setConnectDraft(null);
      if (target && target !== connectDraft.from)
        props.gestures.onConnect(connectDraft.from, target);
    }
    if (!marquee) return;
    const rect = rectFromCorners(marquee.start, marquee.end);
    setMarquee(null);
    if (rect.width < 3 && rect.height < 3) return; // a click, not a drag
    session.selection.select(notesInRect(session.getSnapshot().ordered, rect), 'add');
  };

  const onStageDoubleClick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    if (event.target !== stageRef.current || panning || spansGesture()) return;
    const point = boardPointer();
    if (point) placeNoteAt(point, true);
  };

  const onWheel = (event: Konva.KonvaEventObject<WheelEvent>) => {
    event.evt.preventDefault();
    const { deltaX, deltaY, ctrlKey, metaKey } = event.evt;
    const pointer = stageRef.current?.getPointerPosition();
    // Trackpad pinch arrives as a wheel event with ctrlKey set; plain scrolling pans.
    if ((ctrlKey || metaKey) && pointer) {
      onViewportChange(zoomAt(viewport, pointer, Math.exp(-deltaY * WHEEL_ZOOM_SPEED)));
    } else {
      onViewportChange(panBy(viewport, { x: -deltaX, y: -deltaY }));
    }
  };

  const onStageDrag = (event: Konva.KonvaEventObject<DragEvent>) => {
    if (event.target !== stageRef.current) return;
    onViewportChange({ ...viewport, x: event.target.x(), y: event.target.y() });
  };

  // Memoised: a re-render of the stage (a pan, a drag frame) does not touch the note nodes,
  // each of which reads its own note.
  const canDrag = !readOnly && !panning && tool !== 'connect';
  const noteElements = useMemo(
    () =>
      noteIds.map((id) => (
        <NoteNode
          key={id}
          id={id}
          editingHere={id === editingId}
          draggable={canDrag && id !== editingId}
          onPointerDown={onNotePointerDown}
          onDoubleClick={onNoteDoubleClick}
          onDragStart={onNoteDragStart}
          onDragMove={onNoteDragMove}
          onDragEnd={onNoteDragEnd}
        />
      )),
    [
      noteIds,
      editingId,
      canDrag,
      onNotePointerDown,
      onNoteDoubleClick,
      onNoteDragStart,
      onNoteDragMove,
      onNoteDragEnd,
    ],
  );

  const noteLayers = useMemo(() => {
    const layers: (typeof noteElements)[] = [];
    for (let start = 0; start < noteElements.length; start += NOTES_PER_LAYER)
      layers.push(noteElements.slice(start, start + NOTES_PER_LAYER));
    return layers.length > 0 ? layers : [[]];
  }, [noteElements]);

  const revealedLayers = useRevealedLayers(noteLayers.length);

  const marqueeRect = marquee ? rectFromCorners(marquee.start, marquee.end) : null;
  return (
    <NoteNodesContext.Provider value={nodes}>
      <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable={panning}
        style={{ cursor: panning ? 'grab' : tool === 'select' ? 'default' : 'crosshair' }}
        onMouseDown={onStageMouseDown}
        onTouchStart={onStageMouseDown}
        onMouseMove={onStageMouseMove}
        onMouseUp={onStageMouseUp}
        onTouchMove={onTouchMove}
        onTouchEnd={() => {
          pinch.current = null;
          onStageMouseUp();
        }}
        onMouseLeave={() => onCursor(null)}
        onDblClick={onStageDoubleClick}
        onWheel={onWheel}
        onDragMove={onStageDrag}
        onDragEnd={onStageDrag}
      >
        <BoardBlocks />
        <BoardConnectors draggedIds={draggedIds} />
        {noteLayers.map((elements, index) => (
          // Keyed by place: a layer keeps its canvas while the notes in it change.
          <Layer key={index} ref={index === 0 ? firstNotesLayer : undefined}>
            {index < revealedLayers ? elements : null}
          </Layer>
        ))}
        {/* One overlay layer (one canvas): dragged notes, selection handles, others' pointers. */}
        <Layer>
          {/* Dragged notes are moved in here while they move: over their connectors, under the handles. */}
          <Group ref={dragGroupRef}>
            <MovingConnectors offset={dragOffset} draft={draftPoints} />
          </Group>
          <SelectionBox
            nodes={nodes}
            editingId={editingId}
            readOnly={readOnly}
            scale={viewport.scale}
            onResize={onResize}
          />
          {marqueeRect && (
            <Rect
              {...marqueeRect}
              fill="rgba(37, 99, 235, 0.08)"
              stroke={SELECTION_COLOR}
              strokeWidth={1 / viewport.scale}
              listening={false}
            />
          )}
          <RemoteCursors zoom={viewport.scale} />
        </Layer>
      </Stage>
    </NoteNodesContext.Provider>
  );
}
