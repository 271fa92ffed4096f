'use client';
import { useCallback, type RefObject } from 'react';
import { VIEWER_TOOLS } from '@/components/toolbar/tool-bar';
import type { Tool } from '@/components/board/board-canvas';
import { LockedError, ModelError } from '@/lib/gestures';
import type { MessageKey } from '@/lib/i18n/messages';
import {
  BLOCK_IDS,
  BLOCK_RECTS,
  newNoteCornerAt,
  rectCenter,
  type NoteId,
  type Point,
  type Size,
} from '@/lib/model';
import type { BoardActions } from '@/lib/react/use-board-actions';
import type { BoardSession } from '@/lib/session/board-session';
import { applyToSelection } from '@/lib/gestures/selection-gestures';
import { readingOrder, stepThroughNotes } from '@/lib/view/selection';
import { centerOn, type Viewport } from '@/lib/view/viewport';
import { useBoardShortcuts } from './use-board-shortcuts';
import type { useWorkshop } from './use-workshop';

export interface PageGestureInputs {
  session: BoardSession;
  actions: BoardActions | null;
  /** The actions while the board may change here, else null (a viewer's keys only look). */
  editing: BoardActions | null;
  contentReadOnly: boolean;
  readOnly: boolean;
  workshop: ReturnType<typeof useWorkshop>;
  setNotice(key: MessageKey | null): void;
  setEditing(id: NoteId | null): void;
  setViewport(update: (current: Viewport) => Viewport): void;
  size: Size;
  pointer: RefObject<Point | null>;
  view: { fit(): void; zoomIn(): void; zoomOut(): void };
  setTool(tool: Tool): void;
  setHelpOpen(open: boolean): void;
  setSpacePanning(on: boolean): void;
  /** The keyboard is the board's (no dialog, no text editor open). */
  keysEnabled: boolean;
}

/**
 * The gestures that span the page's parts (show a note, start editing, link two notes) and
 * the board's keyboard. They read the selection and the notes from the session when they
 * run, so the page does not re-render for either.
 */
export function usePageGestures(inputs: PageGestureInputs) {
  const { session, actions, editing, contentReadOnly, workshop, setNotice, setEditing } = inputs;
  const { setViewport, size } = inputs;

  const showNote = useCallback(
    (id: NoteId) => {
      const note = session.getNote(id);
      if (!note) return;
      session.selection.selectOnly([id]);
      setViewport((current) => centerOn(current, note, size));
    },
    [session, setViewport, size],
  );

  // Reads the note from the session: a note created by this very gesture is there already.
  const startEditing = useCallback(
    (id: NoteId) => {
      const note = session.getNote(id);
      if (!note || contentReadOnly) return;
      if (workshop.lockedForMe(note)) workshop.refuse('block');
      else setEditing(id);
    },
    [session, contentReadOnly, workshop, setEditing],
  );

  const connect = useCallback(
    (from: NoteId, to: NoteId) => {
      if (!actions) return;
      try {
        actions.linkNotes(from, to);
        setNotice(null);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        // A lock's refusal has already said why.
        if (!(error instanceof LockedError)) setNotice('board.connectRefused');
      }
    },
    [actions, setNotice],
  );

  const selectedNotes = () => session.getSelectedNotes();
  const selectedIds = () => selectedNotes().map((note) => note.id);
  const { selection } = session;
  useBoardShortcuts(
    {
      newNote: () => {
        if (!editing) return;
        // At the pointer when it is over the board, else in the selected note's block.
        const first = selectedNotes()[0];
        const at =
          inputs.pointer.current ??
          (first
            ? rectCenter(BLOCK_RECTS[first.block])
            : rectCenter(BLOCK_RECTS.valuePropositions));
        const id = editing.createNote(newNoteCornerAt(at));
        if (id === null) return;
        selection.selectOnly([id]);
        setEditing(id);
      },
      editSelected: () => {
        const ids = selectedIds();
        if (editing && ids.length === 1) startEditing(ids[0]!);
      },
      selectionGesture: (name) =>
        editing && applyToSelection(editing, name, selectedIds(), selection.selectOnly),
      undo: () => editing?.undo(),
      redo: () => editing?.redo(),
      nudge: (dx, dy) =>
        editing?.nudgeNotes(selectedNotes().map((n) => ({ id: n.id, x: n.x + dx, y: n.y + dy }))),
      step: (backwards) => {
        const ordered = readingOrder(session.getSnapshot().ordered, BLOCK_IDS);
        const next = stepThroughNotes(ordered, selectedIds()[0], backwards);
        if (next) selection.selectOnly([next]);
      },
      ...inputs.view,
      clearSelection: () => selection.selectOnly([]),
      selectTool: (next) =>
        (!inputs.readOnly || VIEWER_TOOLS.includes(next)) && inputs.setTool(next),
      help: () => inputs.setHelpOpen(true),
      setSpacePanning: inputs.setSpacePanning,
    },
    inputs.keysEnabled,
  );

  return { showNote, startEditing, connect };
}
