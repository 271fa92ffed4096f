'use client';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { NOTE_COLORS, type NoteId, type NoteRecord } from '@/lib/model';
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

/** What the board adds to a note beyond its record: labels at a glance, filter, colour. */
export interface NoteDecoration {
  /** Short label line (relationship type · funnel stage), drawn as a strip at the bottom. */
  badge: string | null;
  /** The note is an untested hypothesis: a "?" mark in its corner. */
  untested: boolean;
  /** Fill lent by another note (a segment's colour), instead of the note's own. */
  fill: string | null;
  /** Left out by the current filter. */
  faded: boolean;
  /** Dot vote: your dots while the vote is open, everyone's once it is closed; 0 for none. */
  dots: number;
  /** Open comment threads on the note (0: no mark). */
  comments: number;
  /** In this person's private draft: only they see it until the facilitator reveals it. */
  draft: boolean;
}

export interface NoteNodeProps {
  note: NoteRecord;
  selected: boolean;
  /** Colour of someone else editing this note's text, drawn as a thin edge. */
  editorColor: string | null;
  /** True while this user edits the note in the DOM editor (the canvas text is hidden). */
  editingHere: boolean;
  /** Decoration fields, passed one by one so the memo compares plain values. */
  badge: string | null;
  untested: boolean;
  fill: string | null;
  faded: boolean;
  dots: number;
  comments: number;
  draft: boolean;
  draggable: boolean;
  onPointerDown(id: NoteId, event: Konva.KonvaEventObject<MouseEvent | TouchEvent>): void;
  onDoubleClick(id: NoteId): void;
  onDragStart(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
  onDragMove(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
  onDragEnd(id: NoteId, event: Konva.KonvaEventObject<DragEvent>): void;
}

/**
 * One sticky note on the canvas. Memoised on its record: the board reader keeps a record's
 * identity until that note changes, so moving one note re-renders one node.
 */
export const NoteNode = memo(function NoteNode(props: NoteNodeProps) {
  countRender(`note:${props.note.id}`);
  const { note, selected, editorColor, editingHere, draggable, badge, untested, dots } = props;
  const innerWidth = note.width - 2 * NOTE_PADDING;
  const innerHeight = note.height - 2 * NOTE_PADDING - (badge ? BADGE_HEIGHT : 0);
  const fontSize = fitFontSize(note.text, innerWidth, innerHeight);
  const edge = selected ? SELECTION_COLOR : editorColor;
  return (
    <Group
      id={note.id}
      name="note"
      x={note.x}
      y={note.y}
      opacity={props.faded ? FADED_OPACITY : 1}
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
        fill={props.fill ?? NOTE_COLORS[note.color]}
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
      {props.draft && (
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
      {props.comments > 0 && (
        // Left of the "?" mark when both are shown.
        <CornerMark
          name="note-comments"
          x={note.width - 11 - (untested ? 2 * MARK_RADIUS + 4 : 0)}
          y={11}
          radius={MARK_RADIUS}
          color={COMMENTS_COLOR}
          text={props.comments > 9 ? '9+' : String(props.comments)}
          fontSize={props.comments > 9 ? 8 : 10}
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
