'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Rect, Stage, Transformer } from 'react-konva';
import type Konva from 'konva';
import {
  MIN_NOTE_SIZE,
  newNoteCornerAt,
  rectFromCorners,
  type BlockId,
  type NoteId,
  type NoteRecord,
  type Point,
  type Size,
} from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import type { Peer } from '@/lib/sync';
import { boardConnectors, edgePoint, type DragOffset } from '@/lib/view/connectors';
import { notesInRect } from '@/lib/view/selection';
import { panBy, pinchOf, pinchStep, zoomAt, type Pinch, type Viewport } from '@/lib/view/viewport';
import type { Tool } from '@/lib/view/tools';
import { BlocksLayer, type BlockLabel } from './blocks-layer';
import { ConnectorArrows, ConnectorsLayer } from './connectors-layer';
import { NoteNode, SELECTION_COLOR, type NoteDecoration } from './note-node';
import { RemoteCursors } from './remote-cursors';
import { useDoubleClickGuard } from './use-double-click-guard';
import { useNoteDrag } from './use-note-drag';
import { useLatest } from './use-latest';
import { countRender } from './render-count';

export type { Tool };
export type SelectMode = 'replace' | 'toggle' | 'add';

/** Ctrl+wheel zoom speed: a typical wheel notch (deltaY 100) zooms by about 22%. */
const WHEEL_ZOOM_SPEED = 0.002;

export interface BoardCanvasProps {
  size: Size;
  notes: readonly NoteRecord[];
  notesById: ReadonlyMap<NoteId, NoteRecord>;
  getNote(id: NoteId): NoteRecord | undefined;
  decorations: ReadonlyMap<NoteId, NoteDecoration>;
  /** The connector tool dropped a link from one note onto another. */
  onConnect(from: NoteId, to: NoteId): void;
  labels: Record<BlockId, BlockLabel>;
  peers: readonly Peer[];
  selection: ReadonlySet<NoteId>;
  onSelect(ids: readonly NoteId[], mode: SelectMode): void;
  tool: Tool;
  /** Space held: the pointer pans whatever the tool. */
  spacePanning: boolean;
  onNotePlaced(id: NoteId): void;
  viewport: Viewport;
  onViewportChange(viewport: Viewport): void;
  editingId: NoteId | null;
  onEdit(id: NoteId): void;
  actions: BoardActions;
  onCursor(point: Point | null): void;
  /** A viewer's board: no creating, dragging or resizing (the server would drop it anyway). */
  readOnly?: boolean;
}

/** The Konva stage: blocks, notes, selection, resizing, panning, zooming and cursors. */
export default function BoardCanvas(props: BoardCanvasProps) {
  countRender('canvas');
  const { size, notes, viewport, selection, tool, spacePanning, editingId, peers } = props;
  const latest = useLatest(props);
  const stageRef = useRef<Konva.Stage>(null);
  const notesLayerRef = useRef<Konva.Layer>(null);
  const transformerRef = useRef<Konva.Transformer>(null);
  const [marquee, setMarquee] = useState<{ start: Point; end: Point } | null>(null);
  const [connectDraft, setConnectDraft] = useState<{ from: NoteId; to: Point } | null>(null);
  const pinch = useRef<Pinch | null>(null);
  const spansGesture = useDoubleClickGuard(stageRef);
  const panning = tool === 'pan' || spacePanning;

  /** After a write, put nodes where the document says (it may have clamped the gesture). */
  const snapNodesToRecords = useCallback(
    (ids: readonly NoteId[]) => {
      for (const id of ids) {
        const record = latest.current.getNote(id);
        const node = stageRef.current?.findOne(`#${id}`);
        if (record && node) node.setAttrs({ x: record.x, y: record.y, scaleX: 1, scaleY: 1 });
      }
    },
    [latest],
  );

  const { dragLayerRef, draggedIds, dragDelta, onNoteDragStart, onNoteDragMove, onNoteDragEnd } =
    useNoteDrag({ latest, stageRef, notesLayerRef, snapNodesToRecords });

  const connectors = useMemo(() => boardConnectors(props.notesById), [props.notesById]);
  const touchesDragged = useCallback(
    (from: NoteId, to: NoteId) =>
      draggedIds !== null && (draggedIds.has(from) || draggedIds.has(to)),
    [draggedIds],
  );
  const staticConnectors = useMemo(
    () => (draggedIds ? connectors.filter((c) => !touchesDragged(c.from, c.to)) : connectors),
    [connectors, draggedIds, touchesDragged],
  );
  const liveConnectors = useMemo(() => {
    if (!draggedIds) return [];
    const offset: DragOffset = { ids: draggedIds, dx: dragDelta.x, dy: dragDelta.y };
    return boardConnectors(props.notesById, offset).filter((c) => touchesDragged(c.from, c.to));
  }, [draggedIds, dragDelta, props.notesById, touchesDragged]);
  const fadedIds = useMemo(() => {
    const faded = new Set<NoteId>();
    for (const [id, decoration] of props.decorations) if (decoration.faded) faded.add(id);
    return faded;
  }, [props.decorations]);
  const draftPoints = useMemo((): [number, number, number, number] | null => {
    const from = connectDraft ? props.notesById.get(connectDraft.from) : undefined;
    if (!connectDraft || !from) return null;
    const start = edgePoint(from, connectDraft.to);
    return [start.x, start.y, connectDraft.to.x, connectDraft.to.y];
  }, [connectDraft, props.notesById]);

  const filledBlocks = useMemo(() => new Set(notes.map((n) => n.block)), [notes]);
  const editorColors = useMemo(() => {
    const colors = new Map<NoteId, string>();
    for (const peer of peers)
      if (!peer.isSelf && peer.editing) colors.set(peer.editing, peer.user.color);
    return colors;
  }, [peers]);

  const boardPointer = (): Point | null => stageRef.current?.getRelativePointerPosition() ?? null;

  const onNotePointerDown = useCallback(
    (id: NoteId, event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      event.cancelBubble = true; // the stage must not start a selection rectangle
      const { selection: current, onSelect, tool: activeTool } = latest.current;
      if (activeTool === 'connect') {
        const point = stageRef.current?.getRelativePointerPosition();
        if (point) setConnectDraft({ from: id, to: point });
        return;
      }
      if (event.evt.shiftKey) onSelect([id], 'toggle');
      else if (!current.has(id)) onSelect([id], 'replace');
    },
    [latest],
  );

  const onNoteDoubleClick = useCallback(
    (id: NoteId) => {
      if (!spansGesture()) latest.current.onEdit(id);
    },
    [latest, spansGesture],
  );

  // The resize handles follow the selection when exactly one note is selected.
  const singleSelected = selection.size === 1 && !editingId ? [...selection][0] : undefined;
  useEffect(() => {
    const transformer = transformerRef.current;
    if (!transformer) return;
    const node = singleSelected ? notesLayerRef.current?.findOne(`#${singleSelected}`) : undefined;
    transformer.nodes(node ? [node] : []);
    transformer.getLayer()?.batchDraw();
  }, [singleSelected, notes]);

  const onTransformEnd = useCallback(() => {
    const node = transformerRef.current?.nodes()[0];
    const id = node?.id() as NoteId | undefined;
    const note = id ? latest.current.getNote(id) : undefined;
    if (!node || !id || !note) return;
    latest.current.actions.resizeNote(id, {
      x: node.x(),
      y: node.y(),
      width: note.width * node.scaleX(),
      height: note.height * node.scaleY(),
    });
    snapNodesToRecords([id]);
  }, [latest, snapNodesToRecords]);

  const placeNoteAt = (point: Point, thenEdit: boolean) => {
    const { actions, onNotePlaced, onEdit, readOnly } = latest.current;
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

  const onTouchMove = (event: Konva.KonvaEventObject<TouchEvent>) => {
    const now = twoFingers(event);
    if (!now) return onStageMouseMove();
    event.evt.preventDefault();
    if (pinch.current) props.onViewportChange(pinchStep(viewport, pinch.current, now));
    pinch.current = now;
  };

  const onStageMouseDown = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (twoFingers(event)) {
      setMarquee(null);
      return;
    }
    if (event.target !== stageRef.current || panning) return;
    const point = boardPointer();
    if (!point) return;
    if (tool === 'note') return placeNoteAt(point, true);
    if (tool === 'connect') return;
    if (!event.evt.shiftKey) props.onSelect([], 'replace');
    setMarquee({ start: point, end: point });
  };

  const onStageMouseMove = () => {
    const point = boardPointer();
    props.onCursor(point);
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
    if (connectDraft) {
      const target = noteUnderPointer();
      setConnectDraft(null);
      if (target && target !== connectDraft.from) props.onConnect(connectDraft.from, target);
    }
    finishMarquee();
  };

  const finishMarquee = () => {
    if (!marquee) return;
    const rect = rectFromCorners(marquee.start, marquee.end);
    setMarquee(null);
    if (rect.width < 3 && rect.height < 3) return; // a click, not a drag
    props.onSelect(notesInRect(notes, rect), 'add');
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
      props.onViewportChange(zoomAt(viewport, pointer, Math.exp(-deltaY * WHEEL_ZOOM_SPEED)));
    } else {
      props.onViewportChange(panBy(viewport, { x: -deltaX, y: -deltaY }));
    }
  };

  const onStageDrag = (event: Konva.KonvaEventObject<DragEvent>) => {
    if (event.target !== stageRef.current) return;
    props.onViewportChange({ ...viewport, x: event.target.x(), y: event.target.y() });
  };

  // Memoised so the re-render of each drag frame does not rebuild thousands of elements.
  const noteElements = useMemo(
    () =>
      notes.map((note) => {
        const decoration = props.decorations.get(note.id);
        return (
          <NoteNode
            key={note.id}
            note={note}
            badge={decoration?.badge ?? null}
            untested={decoration?.untested ?? false}
            fill={decoration?.fill ?? null}
            faded={decoration?.faded ?? false}
            dots={decoration?.dots ?? 0}
            comments={decoration?.comments ?? 0}
            draft={decoration?.draft ?? false}
            selected={selection.has(note.id)}
            editorColor={editorColors.get(note.id) ?? null}
            editingHere={note.id === editingId}
            draggable={!props.readOnly && !panning && tool !== 'connect' && note.id !== editingId}
            onPointerDown={onNotePointerDown}
            onDoubleClick={onNoteDoubleClick}
            onDragStart={onNoteDragStart}
            onDragMove={onNoteDragMove}
            onDragEnd={onNoteDragEnd}
          />
        );
      }),
    [
      notes,
      props.decorations,
      selection,
      editorColors,
      editingId,
      panning,
      tool,
      props.readOnly,
      onNotePointerDown,
      onNoteDoubleClick,
      onNoteDragStart,
      onNoteDragMove,
      onNoteDragEnd,
    ],
  );

  const marqueeRect = marquee ? rectFromCorners(marquee.start, marquee.end) : null;
  return (
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
      onMouseLeave={() => props.onCursor(null)}
      onDblClick={onStageDoubleClick}
      onWheel={onWheel}
      onDragMove={onStageDrag}
      onDragEnd={onStageDrag}
    >
      <BlocksLayer labels={props.labels} filledBlocks={filledBlocks} />
      <ConnectorsLayer connectors={staticConnectors} faded={fadedIds} />
      <Layer ref={notesLayerRef}>{noteElements}</Layer>
      <Layer>
        <Transformer
          ref={transformerRef}
          resizeEnabled={!props.readOnly}
          rotateEnabled={false}
          flipEnabled={false}
          ignoreStroke
          borderStroke={SELECTION_COLOR}
          anchorStroke={SELECTION_COLOR}
          anchorSize={9}
          boundBoxFunc={(oldBox, newBox) =>
            newBox.width < MIN_NOTE_SIZE * viewport.scale ||
            newBox.height < MIN_NOTE_SIZE * viewport.scale
              ? oldBox
              : newBox
          }
          onTransformEnd={onTransformEnd}
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
      </Layer>
      {/* Dragged notes are moved in here (on top of their connectors) while they move. */}
      <Layer ref={dragLayerRef}>
        <ConnectorArrows connectors={liveConnectors} faded={fadedIds} draft={draftPoints} />
      </Layer>
      <RemoteCursors peers={peers} zoom={viewport.scale} />
    </Stage>
  );
}
