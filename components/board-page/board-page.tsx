'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Tool } from '@/components/board/board-canvas';
import { DecorationsContext } from '@/components/board/canvas-context';
import { countRender } from '@/components/board/render-count';
import { HelpDialog } from '@/components/help/help-dialog';
import { useVersionView } from '@/components/history/use-version-view';
import { ToolBar } from '@/components/toolbar/tool-bar';
import type { MessageKey } from '@/lib/i18n/messages';
import { EMPTY_FILTER, type BoardFilter } from '@/lib/insights/filter';
import { canEdit, type BoardId, type NoteId, type Point, type Role } from '@/lib/model';
import { useReviewActions } from '@/lib/react/use-review';
import {
  useConnection,
  useDecorationStore,
  useSession,
  useSessionValue,
  useSyncStatus,
} from '@/lib/react/use-session';
import type { PresenceUser } from '@/lib/sync';
import styles from './board-app.module.css';
import { BoardSurface } from './board-surface';
import { PageContext, type PageContextValue } from './page-context';
import { PageEffects } from './page-effects';
import type { SidePanelTab } from './side-panel';
import { SidePanelPart } from './side-panel-part';
import { TopBarPart } from './top-bar-part';
import { useElementSize } from './use-element-size';
import { useFollow } from '@/lib/react/use-follow';
import { usePageActions } from './use-page-actions';
import { usePageGestures } from './use-page-gestures';
import { usePresenceSync } from '@/lib/react/use-presence-sync';
import { useStoredFlag } from './use-stored-flag';
import { useViewport } from './use-viewport';

/** Where this browser remembers "colour relationships by their segment". */
const SEGMENT_COLORS_KEY = 'lienzo.segmentColors';

export interface BoardPageProps {
  boardId: BoardId;
  role: Role;
  token: string;
  user: PresenceUser;
  voter: string | null;
}

/**
 * One open board's page: a layout of parts (top bar, tools, surface, side panel), holding
 * only the page's own state (tool, camera, editor, filter, tab, notice). The board itself is
 * read by each part from the session, so a change on the board re-renders what shows it.
 */
export function BoardPage({ boardId, role, token, user, voter }: BoardPageProps) {
  countRender('page');
  const session = useSession();
  const connection = useConnection();
  const readOnly = !canEdit(role);
  const status = useSyncStatus();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const workshop = usePageActions(role, user.name, setNotice);
  const { actions } = workshop;
  // A page whose code is older than the board's schema writes nothing until it is reloaded.
  const writesNothing = readOnly || status === 'outdated';
  // An editor under the board lock works like a viewer, except that votes and comments stay open.
  const contentReadOnly = writesNothing || workshop.boardLocked;

  const surfaceRef = useRef<HTMLDivElement>(null);
  const pointer = useRef<Point | null>(null);
  const size = useElementSize(surfaceRef);
  const { viewport, setViewport, followTo, userMoves, fit, zoomIn, zoomOut } = useViewport(size);
  const view = useMemo(() => ({ fit, zoomIn, zoomOut }), [fit, zoomIn, zoomOut]);
  const follow = useFollow({ connection, user, viewport, screen: size, followTo, userMoves });
  const [tool, setTool] = useState<Tool>('select');
  const [spacePanning, setSpacePanning] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [rawEditing, setEditing] = useState<NoteId | null>(null);
  const [filter, setFilter] = useState<BoardFilter>(EMPTY_FILTER);
  const [segmentColors, setSegmentColors] = useStoredFlag(SEGMENT_COLORS_KEY);
  const [sideTab, setSideTab] = useState<SidePanelTab>('note');
  const decorations = useDecorationStore();
  // A person's pick on the board shows the note tab.
  useEffect(() => session.selection.onPicked(() => setSideTab('note')), [session]);

  const review = useReviewActions(connection, writesNothing ? null : user);
  const versions = useVersionView(boardId, token, review, setNotice);
  const viewingVersion = versions.open !== null;
  const editing = contentReadOnly || viewingVersion ? null : actions;
  // A lock that arrives while someone writes in a note closes their editor.
  const editingId = useSessionValue((s) => {
    const note = rawEditing && editing ? s.getNote(rawEditing) : undefined;
    return note && !workshop.lockedForMe(note) ? note.id : null;
  });
  const sendCursor = usePresenceSync(session, user, editingId);

  const { showNote, startEditing, connect } = usePageGestures({
    session,
    actions,
    editing,
    contentReadOnly,
    readOnly,
    workshop,
    setNotice,
    setEditing,
    setViewport,
    size,
    pointer,
    view,
    setTool,
    setHelpOpen,
    setSpacePanning,
    keysEnabled: Boolean(actions) && editingId === null && !helpOpen,
  });

  const page = useMemo(
    (): PageContextValue => ({
      boardId,
      token,
      role,
      user,
      voter,
      readOnly,
      writesNothing,
      contentReadOnly,
      actions,
      workshop,
      setNotice,
      showNote,
      startEditing,
      connect,
    }),
    [
      boardId,
      token,
      role,
      user,
      voter,
      readOnly,
      writesNothing,
      contentReadOnly,
      actions,
      workshop,
      showNote,
      startEditing,
      connect,
    ],
  );

  const gestures = useMemo(
    () => ({
      onConnect: connect,
      onNotePlaced: (id: NoteId) => {
        session.selection.selectOnly([id]);
        setTool('select');
      },
      onEdit: (id: NoteId) => {
        session.selection.selectOnly([id]);
        startEditing(id);
      },
      onCursor: sendCursor,
      onViewportChange: setViewport,
    }),
    [connect, session, startEditing, sendCursor, setViewport],
  );
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const stopEditing = useCallback(() => {
    setEditing(null);
    surfaceRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <PageContext.Provider value={page}>
      <DecorationsContext.Provider value={decorations}>
        <div className={styles.app}>
          <TopBarPart onHelp={openHelp} />
          <div className={styles.main}>
            <ToolBar tool={tool} onToolChange={setTool} readOnly={contentReadOnly} />
            <BoardSurface
              surfaceRef={surfaceRef}
              pointer={pointer}
              size={size}
              viewport={viewport}
              view={view}
              tool={tool}
              spacePanning={spacePanning}
              editingId={editingId}
              onStopEditing={stopEditing}
              gestures={gestures}
              follow={follow}
              versions={versions}
              notice={notice}
              onDismissNotice={() => setNotice(null)}
            />
            <SidePanelPart
              tab={sideTab}
              onTab={setSideTab}
              follow={follow}
              versions={versions}
              review={review}
              filter={filter}
              onFilter={setFilter}
              segmentColors={segmentColors}
              onSegmentColors={setSegmentColors}
            />
          </div>
          {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
        </div>
        <PageEffects
          decorations={decorations}
          filter={filter}
          segmentColors={segmentColors}
          voter={voter}
          setNotice={setNotice}
          surfaceRef={surfaceRef}
          viewport={viewport}
        />
      </DecorationsContext.Provider>
    </PageContext.Provider>
  );
}
