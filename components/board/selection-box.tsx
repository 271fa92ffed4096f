'use client';
import { memo, useCallback, useEffect, useRef } from 'react';
import { Transformer } from 'react-konva';
import type Konva from 'konva';
import { MIN_NOTE_SIZE, type NoteId } from '@/lib/model';
import { useSession, useSelectedNotes } from '@/lib/react/use-session';
import type { NoteNodes } from './canvas-context';
import { SELECTION_COLOR } from './note-node';
import { countRender } from './render-count';

interface SelectionBoxProps {
  nodes: NoteNodes;
  /** No handles while the note's text is being edited. */
  editingId: NoteId | null;
  readOnly: boolean;
  scale: number;
  onResize(id: NoteId, rect: { x: number; y: number; width: number; height: number }): void;
}

/**
 * The resize handles around the selected note, when exactly one is selected. It reads the
 * selection itself, so a selection change re-renders the handles, not the board.
 */
export const SelectionBox = memo(function SelectionBox(props: SelectionBoxProps) {
  countRender('selection-box');
  const { nodes, editingId } = props;
  const session = useSession();
  const selected = useSelectedNotes();
  const transformerRef = useRef<Konva.Transformer>(null);
  const single = selected.length === 1 && !editingId ? selected[0] : undefined;

  // Attached again when the note changes: its node may have been re-created or moved.
  useEffect(() => {
    const transformer = transformerRef.current;
    if (!transformer) return;
    const node = single ? nodes.get(single.id) : undefined;
    transformer.nodes(node ? [node] : []);
    transformer.getLayer()?.batchDraw();
  }, [single, nodes]);

  const { onResize } = props;
  const onTransformEnd = useCallback(() => {
    const node = transformerRef.current?.nodes()[0];
    const id = node?.id() as NoteId | undefined;
    const note = id ? session.getNote(id) : undefined;
    if (!node || !id || !note) return;
    onResize(id, {
      x: node.x(),
      y: node.y(),
      width: note.width * node.scaleX(),
      height: note.height * node.scaleY(),
    });
  }, [session, onResize]);

  const minSize = MIN_NOTE_SIZE * props.scale;
  return (
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
        newBox.width < minSize || newBox.height < minSize ? oldBox : newBox
      }
      onTransformEnd={onTransformEnd}
    />
  );
});
