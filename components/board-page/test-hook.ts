'use client';
import Konva from 'konva';
import { useEffect, type RefObject } from 'react';
import { useLatest } from '@/components/board/use-latest';
import type { NoteRecord, Point } from '@/lib/model';
import type { BoardConnection, ConnectionStatus } from '@/lib/sync';
import type { Viewport } from '@/lib/view/viewport';
import { boardFirstDrawnAt } from '@/components/board/first-draw';
import { renderCounts, resetRenderCounts } from '@/components/board/render-count';
import { testHookEnabled } from '@/components/board/test-hook-flag';

export { TEST_HOOK_FLAG, testHookEnabled } from '@/components/board/test-hook-flag';

/**
 * A read-only window into the board for browser tests: Konva draws on a canvas, so tests
 * cannot find notes in the DOM. Installed in development, or when the test harness sets
 * localStorage[TEST_HOOK_FLAG] = '1' before the page loads; it exposes nothing a participant
 * could not already see on the board.
 */

export interface LienzoTestHook {
  notes(): NoteRecord[];
  title(): string;
  status(): ConnectionStatus;
  /** Where a board point is on the page, in CSS pixels (for mouse gestures). */
  toClient(point: Point): Point;
  canUndo(): boolean;
  /** The camera: board-to-screen offset and scale. */
  viewport(): Viewport;
  /** What Konva has drawn: connector arrows, and a note's opacity (faded by a filter). */
  drawnConnectors(): number;
  noteOpacity(id: string): number | null;
  /** The type · stage badge drawn on a relationship note, or null when it has none. */
  noteBadge(id: string): string | null;
  /** The dot-vote count drawn on a note, or 0 when none is drawn. */
  noteDots(id: string): number;
  /** Ids of every note Konva has drawn (the board's and, in private writing, your draft's). */
  drawnNoteIds(): string[];
  /** True when a note is drawn as private (in your draft, seen by nobody else). */
  notePrivate(id: string): boolean;
  /** Renders of each part of the page since the last reset (render-count.ts). */
  renders(): Record<string, number>;
  resetRenders(): void;
  /** When the notes layer first drew notes (performance.now()), or null. */
  firstDrawAt(): number | null;
}

declare global {
  interface Window {
    __lienzo?: LienzoTestHook;
  }
}

/** The text of a Konva Text inside a note's group, found by its name selector. */
function drawnText(noteId: string, selector: string): string | null {
  const note = Konva.stages[0]?.findOne(`#${noteId}`);
  const text = note instanceof Konva.Group ? note.findOne(selector) : undefined;
  return text instanceof Konva.Text ? text.text() : null;
}

/** Installs window.__lienzo for the open board while it is open (when enabled). */
export function useTestHook(
  connection: BoardConnection | null,
  surfaceRef: RefObject<HTMLElement | null>,
  viewport: Viewport,
): void {
  const latestViewport = useLatest(viewport);
  useEffect(() => {
    if (!connection || !testHookEnabled()) return;
    window.__lienzo = {
      notes: () => [...connection.reader.getSnapshot().ordered],
      title: () => connection.reader.getSnapshot().meta.title,
      status: () => connection.getStatus(),
      toClient: (p) => {
        const box = surfaceRef.current!.getBoundingClientRect();
        const v = latestViewport.current;
        return { x: box.left + p.x * v.scale + v.x, y: box.top + p.y * v.scale + v.y };
      },
      canUndo: () => connection.undoManager.canUndo(),
      viewport: () => latestViewport.current,
      drawnConnectors: () => Konva.stages[0]?.find('Arrow').length ?? 0,
      noteOpacity: (id) => Konva.stages[0]?.findOne(`#${id}`)?.opacity() ?? null,
      noteBadge: (id) => drawnText(id, '.note-badge'),
      noteDots: (id) => Number(drawnText(id, '.note-dots-count') ?? 0),
      drawnNoteIds: () => Konva.stages[0]?.find('.note').map((node) => node.id()) ?? [],
      notePrivate: (id) => {
        const note = Konva.stages[0]?.findOne(`#${id}`);
        return note instanceof Konva.Group && Boolean(note.findOne('.note-private'));
      },
      renders: renderCounts,
      resetRenders: resetRenderCounts,
      firstDrawAt: boardFirstDrawnAt,
    };
    return () => {
      delete window.__lienzo;
    };
  }, [connection, surfaceRef, latestViewport]);
}
