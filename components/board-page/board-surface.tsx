'use client';
import { memo, useMemo, useRef, type RefObject } from 'react';
import BoardCanvas, { type CanvasGestures, type Tool } from '@/components/board/board-canvas';
import { NoteEditor } from '@/components/board/note-editor';
import { countRender } from '@/components/board/render-count';
import { FollowChip } from '@/components/follow/follow-controls';
import type { VersionView } from '@/components/history/use-version-view';
import { VersionBanner } from '@/components/history/version-banner';
import { ZoomBar } from '@/components/toolbar/zoom-bar';
import { WorkshopStatus } from '@/components/workshop/workshop-status';
import type { MessageKey } from '@/lib/i18n/messages';
import type { NoteId, Point, Size } from '@/lib/model';
import { useI18n } from '@/lib/react/i18n';
import { SessionContext, useNote, useSessionValue, useUndoState } from '@/lib/react/use-session';
import { screenToBoard, type Viewport } from '@/lib/view/viewport';
import styles from './board-app.module.css';
import { usePage } from './page-context';
import { BOARD_SURFACE_ATTRIBUTE } from './use-board-shortcuts';
import type { FollowState } from '@/lib/react/use-follow';
import { useVersionSession } from '@/lib/react/use-version-session';

export interface BoardSurfaceProps {
  surfaceRef: RefObject<HTMLDivElement | null>;
  /** Where the pointer is on the board, for the "new note" key (null when off the board). */
  pointer: RefObject<Point | null>;
  size: Size;
  viewport: Viewport;
  view: { fit(): void; zoomIn(): void; zoomOut(): void };
  tool: Tool;
  spacePanning: boolean;
  editingId: NoteId | null;
  onStopEditing(): void;
  gestures: Omit<CanvasGestures, 'actions'>;
  follow: FollowState;
  versions: VersionView;
  notice: MessageKey | null;
  onDismissNotice(): void;
}

/** The board's surface: the canvas, the note editor over it, and what floats in its corners. */
export function BoardSurface(props: BoardSurfaceProps) {
  const { t } = useI18n();
  const page = usePage();
  const { surfaceRef, pointer, viewport, versions, notice } = props;
  const { actions } = page;
  // A past version is drawn from a session of its own, read-only.
  const versionSession = useVersionSession(versions.open?.state ?? null);
  const gestures = useMemo(
    () => (actions ? { ...props.gestures, actions } : null),
    [actions, props.gestures],
  );
  const canvas = gestures && props.size.width > 0 && (
    <BoardCanvas
      size={props.size}
      tool={props.tool}
      spacePanning={props.spacePanning}
      viewport={viewport}
      editingId={props.editingId}
      readOnly={page.contentReadOnly || versionSession !== null}
      gestures={gestures}
    />
  );
  return (
    <div
      ref={surfaceRef}
      className={styles.surface}
      tabIndex={0}
      role="application"
      aria-label={t('board.canvasLabel')}
      {...{ [BOARD_SURFACE_ATTRIBUTE]: '' }}
      onMouseDown={() => surfaceRef.current?.focus({ preventScroll: true })}
      onMouseMove={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        pointer.current = screenToBoard(viewport, {
          x: e.clientX - box.left,
          y: e.clientY - box.top,
        });
      }}
      onMouseLeave={() => (pointer.current = null)}
    >
      {versionSession ? (
        <SessionContext.Provider value={versionSession}>{canvas}</SessionContext.Provider>
      ) : (
        canvas
      )}
      {props.editingId && (
        <EditorPart id={props.editingId} viewport={viewport} onClose={props.onStopEditing} />
      )}
      <FollowChip follow={props.follow} />
      <StatusPart />
      {versions.open && (
        <VersionBanner
          version={versions.open.version}
          canRestore={!page.writesNothing}
          onBack={versions.back}
          onRestore={() => void versions.restore(versions.open!.version)}
        />
      )}
      {notice && (
        <div role="status" className={styles.notice} data-testid="board-notice">
          {t(notice)}
          <button type="button" onClick={props.onDismissNotice} aria-label={t('board.dismiss')}>
            ×
          </button>
        </div>
      )}
      <ZoomPart zoom={viewport.scale} {...props.view} />
    </div>
  );
}

/** The DOM text editor over the note being written in. */
function EditorPart(props: { id: NoteId; viewport: Viewport; onClose(): void }) {
  countRender('editor');
  const { t } = useI18n();
  const { actions, contentReadOnly } = usePage();
  const note = useNote(props.id);
  const editing = contentReadOnly ? null : actions;
  const fragment = useMemo(() => editing?.noteText(props.id) ?? null, [editing, props.id]);
  const labels = useRef({
    toolbar: t('editor.toolbar'),
    bold: t('editor.bold'),
    italic: t('editor.italic'),
    bulletList: t('editor.bulletList'),
    link: t('editor.link'),
    linkPrompt: t('editor.linkPrompt'),
    linkInvalid: t('editor.linkInvalid'),
    done: t('editor.done'),
  }).current;
  if (!note || !fragment || !editing) return null;
  return (
    <NoteEditor
      key={note.id}
      note={note}
      fragment={fragment}
      viewport={props.viewport}
      history={editing}
      labels={labels}
      onClose={props.onClose}
    />
  );
}

/** The timer, the board lock and private writing, as everyone sees them. */
const StatusPart = memo(function StatusPart() {
  countRender('workshop-status');
  const { workshop, readOnly } = usePage();
  const on = useSessionValue((s) => s.getWorkshop().privateWriting.on);
  return (
    <WorkshopStatus
      timer={workshop.timer}
      serverOffset={workshop.serverOffset}
      boardLocked={workshop.boardLocked}
      privateWriting={on ? (readOnly ? 'watcher' : 'writer') : null}
    />
  );
});

/** Zoom, fit, undo and redo. */
const ZoomPart = memo(function ZoomPart(props: {
  zoom: number;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
}) {
  countRender('zoom-bar');
  const { actions, readOnly } = usePage();
  const undoState = useUndoState();
  return (
    <div className={styles.zoom}>
      <ZoomBar
        zoom={props.zoom}
        onZoomIn={props.zoomIn}
        onZoomOut={props.zoomOut}
        onFit={props.fit}
        onUndo={() => actions?.undo()}
        onRedo={() => actions?.redo()}
        canUndo={undoState.canUndo}
        canRedo={undoState.canRedo}
        showHistory={!readOnly}
      />
    </div>
  );
});
