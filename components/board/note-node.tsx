'use client';
import { memo, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { NOTE_COLORS, type NoteId, type NoteRecord } from '@/lib/model';
import { useSession } from '@/lib/react/use-session';
import type { NoteDecoration } from '@/lib/session/note-decorations';
import { DecorationsContext, NoteNodesContext } from './canvas-context';
import { CornerMark } from './corner-mark';
import { fitFontSize, NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING } from './fit-text';
import { countRender } from './render-count';

export const SELECTION_COLOR = '#2563eb';
const CORNER_RADIUS = 4;
/** Opacity of notes a filter leaves out: still there, clearly in the background. */
const FADED_OPACITY = 0.18;
const BADGE_HEIGHT = 18;
const BADGE_FONT_SIZE = 10;
const UNTESTED_COLOR = '#b45309';
/** Dot-vote marks: a strong colour none of the note palettes use. */
const DOT_COLOR = '#7c3aed';
const COMMENTS_COLOR = '#4f46e5';
/** Edge of a note in this person's private draft (private writing). */
const DRAFT_COLOR = '#0f766e';
/** Radius of the round marks in a note's top-right corner (the "?" and the comment count). */
const MARK_RADIUS = 7.5;
/** A note with nothing to show beyond its record. */
const NO_DECORATION: NoteDecoration = {
  badge: null,
  untested: false,
  fill: null,
  faded: false,
  dots: 0,
  comments: 0,
  draft: false,
};

export type { NoteDecoration };

export interface NoteNodeProps {
  id: NoteId;
  /** True while this user edits the note in the DOM editor (the canvas text is hidden). */
  editingHere: boolean;
  draggable: boolean;
  onPointerDown(id: NoteId, event: Konva.KonvaEventObject<MouseEvent | TouchEvent>): void;
  onDoubleClick(id: NoteId): void;
  onDragStart(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
  onDragMove(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
  onDragEnd(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
}

interface NoteView {
  note: NoteRecord | undefined;
  selected: boolean;
  editorColor: string | null;
  decoration: NoteDecoration | null;
}

/**
 * Everything a note node shows, read with one subscription (a board of 2,000 notes has 2,000
 * listeners, not four times as many), the same object until one of its parts changed.
 */
function useNoteView(id: NoteId): NoteView {
  const session = useSession();
  const decorations = useContext(DecorationsContext);
  const last = useRef<NoteView | null>(null);
  const read = (): NoteView => {
    const next: NoteView = {
      note: session.getNote(id),
      selected: session.isSelected(id),
      editorColor: session.getEditorColor(id),
      decoration: decorations.get(id),
    };
    const kept = last.current;
    if (
      kept &&
      kept.note === next.note &&
      kept.selected === next.selected &&
      kept.editorColor === next.editorColor &&
      kept.decoration === next.decoration
    )
      return kept;
    last.current = next;
    return next;
  };
  return useSyncExternalStore(decorations.subscribe, read, read);
}

/**
 * One sticky note on the canvas. It reads its own record, selection, decoration and editor
 * from the session: the session keeps each of them until it changes, so a move of one note
 * (or a click selecting it) re-renders that note's node alone.
 */
export const NoteNode = memo(function NoteNode(props: NoteNodeProps) {
  countRender(`note:${props.id}`);
  const { note, selected, editorColor, decoration } = useNoteView(props.id);
  const nodes = useContext(NoteNodesContext);
  const { id } = props;
  const register = useCallback(
    (group: Konva.Group | null) => {
      if (!group) return;
      nodes.set(id, group);
      // React 19 calls this on unmount; a node that replaced this one stays.
      return () => {
        if (nodes.get(id) === group) nodes.delete(id);
      };
    },
    [nodes, id],
  );
  if (!note) return null;
  const { editingHere, draggable } = props;
  const { badge, untested, dots, comments, draft, faded, fill } = decoration ?? NO_DECORATION;
  const innerWidth = note.width - 2 * NOTE_PADDING;
  const innerHeight = note.height - 2 * NOTE_PADDING - (badge ? BADGE_HEIGHT : 0);
  const fontSize = fitFontSize(note.text, innerWidth, innerHeight);
  const edge = selected ? SELECTION_COLOR : editorColor;
  return (
    <Group
      ref={register}
      id={note.id}
      name="note"
      x={note.x}
      y={note.y}
      opacity={faded ? FADED_OPACITY : 1}
      draggable={draggable}
      onMouseDown={(e) => props.onPointerDown(note.id, e)}
      onTouchStart={(e) => props.onPointerDown(note.id, e)}
      onDblClick={() => props.onDoubleClick(note.id)}
      onDblTap={() => props.onDoubleClick(note.id)}
      onDragStart={(e) => props.onDragStart(note.id, e)}
      onDragMove={(e) => props.onDragMove(note.id, e)}
      onDragEnd={(e) => props.onDragEnd(note.id, e)}
    >
      <Rect
        name="note-body"
        width={note.width}
        height={note.height}
        fill={fill ?? NOTE_COLORS[note.color]}
        cornerRadius={CORNER_RADIUS}
        shadowColor="#000"
        shadowBlur={6}
        shadowOffsetY={2}
        shadowOpacity={0.18}
        shadowForStrokeEnabled={false}
        stroke={edge ?? undefined}
        strokeWidth={edge ? 2 : 0}
        perfectDrawEnabled={false}
      />
      {draft && (
        // A dashed edge: "only you see this" (private writing); a selection still shows by
        // its resize handles and the selection rectangle.
        <Rect
          name="note-private"
          width={note.width}
          height={note.height}
          cornerRadius={CORNER_RADIUS}
          stroke={DRAFT_COLOR}
          strokeWidth={2}
          dash={[6, 4]}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {!editingHere && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={innerWidth}
          height={innerHeight}
          text={note.text}
          fontFamily={NOTE_FONT_FAMILY}
          fontSize={fontSize}
          lineHeight={NOTE_LINE_HEIGHT}
          fill="#1f2328"
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {badge && (
        <Text
          name="note-badge"
          x={NOTE_PADDING}
          y={note.height - BADGE_HEIGHT}
          width={note.width - 2 * NOTE_PADDING}
          height={BADGE_HEIGHT - 4}
          text={badge}
          fontFamily={NOTE_FONT_FAMILY}
          fontSize={BADGE_FONT_SIZE}
          fontStyle="bold"
          fill="#1e3a8a"
          verticalAlign="middle"
          wrap="none"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {dots > 0 && (
        <CornerMark
          name="note-dots"
          x={13}
          y={13}
          radius={10}
          color={DOT_COLOR}
          text={String(dots)}
          fontSize={11}
        />
      )}
      {comments > 0 && (
        // Left of the "?" mark when both are shown.
        <CornerMark
          name="note-comments"
          x={note.width - 11 - (untested ? 2 * MARK_RADIUS + 4 : 0)}
          y={11}
          radius={MARK_RADIUS}
          color={COMMENTS_COLOR}
          text={comments > 9 ? '9+' : String(comments)}
          fontSize={comments > 9 ? 8 : 10}
        />
      )}
      {untested && (
        <CornerMark
          name="note-untested"
          x={note.width - 11}
          y={11}
          radius={MARK_RADIUS}
          color={UNTESTED_COLOR}
          text="?"
          fontSize={11}
        />
      )}
    </Group>
  );
});
