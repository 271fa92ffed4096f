'use client';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { NOTE_COLORS, type NoteId, type NoteRecord } from '@/lib/model';
import { fitFontSize, NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING } from './fit-text';

export const SELECTION_COLOR = '#2563eb';
const CORNER_RADIUS = 4;

export interface NoteNodeProps {
  note: NoteRecord;
  selected: boolean;
  /** Colour of someone else editing this note's text, drawn as a thin edge. */
  editorColor: string | null;
  /** True while this user edits the note in the DOM editor (the canvas text is hidden). */
  editingHere: boolean;
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
  const { note, selected, editorColor, editingHere, draggable } = props;
  const innerWidth = note.width - 2 * NOTE_PADDING;
  const innerHeight = note.height - 2 * NOTE_PADDING;
  const fontSize = fitFontSize(note.text, innerWidth, innerHeight);
  const edge = selected ? SELECTION_COLOR : editorColor;
  return (
    <Group
      id={note.id}
      name="note"
      x={note.x}
      y={note.y}
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
        fill={NOTE_COLORS[note.color]}
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
    </Group>
  );
});
