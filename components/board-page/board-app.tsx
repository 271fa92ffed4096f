'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  BLOCK_IDS,
  BLOCK_RECTS,
  boardPath,
  canEdit,
  rectCenter,
  newNoteCornerAt,
  type BoardId,
  type NoteId,
  type Role,
} from '@/lib/model';
import { rememberBoard } from '@/lib/recent-boards';
import { browserStorage } from '@/lib/storage';
import { useI18n } from '@/lib/react/i18n';
import { useBoardConnection } from '@/lib/react/use-board-connection';
import { usePrivateWriting } from '@/lib/react/use-private-writing';
import { useIdentity } from '@/lib/react/use-identity';
import { usePeers } from '@/lib/react/use-peers';
import { useSyncStatus } from '@/lib/react/use-sync-status';
import { useUndoState } from '@/lib/react/use-undo-state';
import { useVoteActions, useVoteState } from '@/lib/react/use-vote';
import { VotePanel } from '@/components/voting/vote-panel';
import { FollowChip, FollowControls } from '@/components/follow/follow-controls';
import { useFollow } from './use-follow';
import { useWorkshop } from './use-workshop';
import { WorkshopStatus } from '@/components/workshop/workshop-status';
import { TimerControls } from '@/components/workshop/timer-controls';
import { LockControls } from '@/components/workshop/lock-controls';
import { PrivateWritingControls } from '@/components/workshop/private-writing-controls';
import { revealPrivateNotes } from '@/lib/api/reveal';
import { LockedError } from '@/lib/doc/lock-gate';
import { applyToSelection } from '@/lib/gestures/selection-gestures';
import { readingOrder, stepThroughNotes } from '@/lib/view/selection';
import { centerOn, screenToBoard } from '@/lib/view/viewport';
import { indexBoard } from '@/lib/insights/board-index';
import { EMPTY_FILTER, type BoardFilter } from '@/lib/insights/filter';
import { ModelError } from '@/lib/doc/model-error';
import type { RelationshipPatch } from '@/lib/doc/relationships';
import type { RelationshipType } from '@/lib/model';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Refusal } from '@/lib/sync';
import BoardCanvas, { type Tool } from '@/components/board/board-canvas';
import { NoteEditor } from '@/components/board/note-editor';
import { HelpDialog } from '@/components/help/help-dialog';
import { NotePanel } from '@/components/panel/note-panel';
import { NameDialog } from '@/components/presence/name-dialog';
import { ToolBar, VIEWER_TOOLS } from '@/components/toolbar/tool-bar';
import { ZoomBar } from '@/components/toolbar/zoom-bar';
import { TopBar } from '@/components/top-bar/top-bar';
import { CommentThreads } from '@/components/comments/comment-threads';
import { HistoryPanel } from '@/components/history/history-panel';
import { useVersionView } from '@/components/history/use-version-view';
import { VersionBanner } from '@/components/history/version-banner';
import { openThreadCounts } from '@/lib/doc/comments';
import { useCommentThreads, useReviewActions } from '@/lib/react/use-review';
import { BOARD_SURFACE_ATTRIBUTE, useBoardShortcuts } from './use-board-shortcuts';
import { useElementSize } from './use-element-size';
import { usePresenceSync } from './use-presence-sync';
import { useViewport } from './use-viewport';
import { SidePanel, type SidePanelTab } from './side-panel';
import { useNoteDecorations } from './use-note-decorations';
import { useBlockLabels } from './use-block-labels';
import { useBoardSelection } from './use-board-selection';
import { useStoredFlag } from './use-stored-flag';

import { useTestHook } from './test-hook';
import { useVoteDots } from './use-vote-dots';
import styles from './board-app.module.css';

/** What the page says once the server refused a change and the board was reopened. */
const REFUSAL_NOTICES: Record<Refusal, MessageKey> = {
  locked: 'workshop.refused',
  rejected: 'sync.changeRejected',
  'view-only': 'role.viewOnlyRefused',
};

/** Where this browser remembers "colour relationships by their segment". */
const SEGMENT_COLORS_KEY = 'lienzo.segmentColors';

export interface BoardAppProps {
  boardId: BoardId;
  /** What the link allows (checked on the server); a viewer's page offers no editing. */
  role: Role;
  /** The link's token: passed to the sync socket, kept in the page address and recent list. */
  token: string;
}

/** One board, open in this browser: the canvas, its chrome and the side panel. */
export default function BoardApp({ boardId, role, token }: BoardAppProps) {
  const { t } = useI18n();
  const readOnly = !canEdit(role);
  const { identity, setName } = useIdentity();
  const user = useMemo(
    () => (identity?.name ? { id: identity.id, name: identity.name, color: identity.color } : null),
    [identity],
  );
  const connection = useBoardConnection(boardId, token, user, readOnly);
  // While private writing is on, this person's draft notes join the board's on their page.
  const privateWriting = usePrivateWriting(connection, boardId, token, !readOnly);
  const { snapshot, liveNote } = privateWriting;
  const peers = usePeers(connection);
  const status = useSyncStatus(connection);
  const undoState = useUndoState(connection);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const workshop = useWorkshop(connection, role, privateWriting.draft, user?.name ?? '', setNotice);
  const { actions } = workshop;
  // A page whose code is older than the board's schema writes nothing until it is reloaded.
  const writesNothing = readOnly || status === 'outdated';
  // An editor under the board lock works like a viewer, except that votes and comments stay open.
  const contentReadOnly = writesNothing || workshop.boardLocked;

  const surfaceRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(surfaceRef);
  const { viewport, setViewport, followTo, userMoves, fit, zoomIn, zoomOut } = useViewport(size);
  const follow = useFollow({
    connection,
    user,
    peers,
    viewport,
    screen: size,
    followTo,
    userMoves,
  });
  const [tool, setTool] = useState<Tool>('select');
  const [spacePanning, setSpacePanning] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [rawEditing, setEditing] = useState<NoteId | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const [filter, setFilter] = useState<BoardFilter>(EMPTY_FILTER);
  const [segmentColors, setSegmentColors] = useStoredFlag(SEGMENT_COLORS_KEY);
  const voteState = useVoteState(connection);
  const voteActions = useVoteActions(writesNothing ? null : connection, identity?.id ?? null);
  const voteDots = useVoteDots(voteState, identity?.id ?? null, snapshot.notes);
  // Review (issue 4): comment threads, and past versions shown on the canvas read-only.
  const threads = useCommentThreads(connection);
  const openThreads = useMemo(() => openThreadCounts(threads), [threads]);
  const review = useReviewActions(connection, writesNothing ? null : user);
  const versions = useVersionView(boardId, token, review, setNotice);
  const viewingVersion = versions.open !== null;
  const shown = versions.open?.board ?? snapshot;
  const decorations = useNoteDecorations(shown, filter, segmentColors, {
    dots: voteDots,
    openThreads,
    draftIds: privateWriting.draftIds,
  });
  const [sideTab, setSideTab] = useState<SidePanelTab>('note');
  // The server refused a change (a lock arrived mid-gesture, or a write on a view-only link)
  // and the board was reopened.
  useEffect(() => {
    const refusal = connection?.afterRefusal;
    if (refusal) setNotice(REFUSAL_NOTICES[refusal]);
  }, [connection]);
  // The same for a private draft change refused by a lock (the draft was reopened).
  useEffect(() => {
    if (privateWriting.draftRefusals > 0) setNotice('workshop.refused');
  }, [privateWriting.draftRefusals]);

  const showNotePanel = useCallback(() => setSideTab('note'), []);
  const { selection, selectedNotes, selectedIds, onSelect, selectOnly } = useBoardSelection(
    snapshot.notes,
    showNotePanel,
  );
  // A lock that arrives while someone writes in a note closes their editor.
  const rawEditingNote = rawEditing ? snapshot.notes.get(rawEditing) : undefined;
  const editingId =
    rawEditingNote && !contentReadOnly && !workshop.lockedForMe(rawEditingNote)
      ? rawEditingNote.id
      : null;
  const sendCursor = usePresenceSync(connection, user, selection, editingId);

  useEffect(() => {
    if (snapshot.meta.title)
      rememberBoard(browserStorage(), {
        id: boardId,
        title: snapshot.meta.title,
        path: boardPath(boardId, token),
      });
  }, [boardId, token, snapshot.meta.title]);

  const labels = useBlockLabels(workshop.locks);

  const ordered = useMemo(() => readingOrder(snapshot.ordered, BLOCK_IDS), [snapshot.ordered]);
  // The relationships block and its targets, read once per change for the panel and overview.
  const boardIndex = useMemo(() => indexBoard(snapshot.ordered), [snapshot.ordered]);

  // A viewer's keyboard only looks: select, step, zoom, pan, help. Every editing key is a no-op.
  const editing = contentReadOnly || viewingVersion ? null : actions;
  useBoardShortcuts(
    {
      newNote: () => {
        if (!editing) return;
        // At the pointer when it is over the board, else in the selected note's block.
        const first = selectedNotes[0];
        const at =
          pointer.current ??
          (first
            ? rectCenter(BLOCK_RECTS[first.block])
            : rectCenter(BLOCK_RECTS.valuePropositions));
        const id = editing.createNote(newNoteCornerAt(at));
        if (id === null) return;
        selectOnly([id]);
        setEditing(id);
      },
      editSelected: () => editing && selectedIds.length === 1 && startEditing(selectedIds[0]!),
      selectionGesture: (name) =>
        editing && applyToSelection(editing, name, selectedIds, selectOnly),
      undo: () => editing?.undo(),
      redo: () => editing?.redo(),
      nudge: (dx, dy) =>
        editing?.nudgeNotes(selectedNotes.map((n) => ({ id: n.id, x: n.x + dx, y: n.y + dy }))),
      step: (backwards) => {
        const next = stepThroughNotes(ordered, selectedIds[0], backwards);
        if (next) selectOnly([next]);
      },
      fit,
      zoomIn,
      zoomOut,
      clearSelection: () => selectOnly([]),
      selectTool: (next) => (!readOnly || VIEWER_TOOLS.includes(next)) && setTool(next),
      help: () => setHelpOpen(true),
      setSpacePanning,
    },
    Boolean(actions) && editingId === null && !helpOpen,
  );

  useTestHook(connection, surfaceRef, viewport);

  /** Selects a note and brings it to the middle of the screen (from the overview, warnings). */
  const showNote = useCallback(
    (id: NoteId) => {
      const note = liveNote(id);
      if (!note) return;
      selectOnly([id]);
      setViewport((current) => centerOn(current, note, size));
    },
    [liveNote, setViewport, size, selectOnly],
  );

  /**
   * Opens a note's text editor, unless a lock keeps this person out of its block. Reads the
   * note from the live reader: a note created by this very gesture is not in `snapshot` yet.
   */
  const startEditing = useCallback(
    (id: NoteId) => {
      const note = liveNote(id);
      if (!note || contentReadOnly) return;
      if (workshop.lockedForMe(note)) workshop.refuse('block');
      else setEditing(id);
    },
    [liveNote, contentReadOnly, workshop],
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
    [actions],
  );

  // The editor's callbacks are bound to this note's id in this render, so a value still being
  // typed when the selection changes is saved on the note it was typed for.
  const singleId = selectedIds.length === 1 ? selectedIds[0] : undefined;
  const relationshipBindings = useMemo(() => {
    if (!actions || !singleId || contentReadOnly) return undefined;
    return {
      channels: boardIndex.channels,
      segments: boardIndex.segments,
      onLabel: (patch: RelationshipPatch) => actions.labelRelationship(singleId, patch),
      onChooseType: (type: RelationshipType | null) =>
        actions.chooseRelationshipType(singleId, type),
      onLink: (target: NoteId) => connect(singleId, target),
      onUnlink: (target: NoteId) => actions.unlinkNotes(singleId, target),
      onShowNote: showNote,
    };
  }, [actions, singleId, contentReadOnly, boardIndex, connect, showNote]);

  const editingNote = editingId ? snapshot.notes.get(editingId) : undefined;
  const editingFragment = editingId && editing ? editing.noteText(editingId) : null;

  return (
    <div className={styles.app}>
      <TopBar
        title={snapshot.meta.title}
        onRename={(title) => actions?.renameBoard(title)}
        people={peers.map((p) => ({
          id: String(p.clientId),
          name: p.user.name,
          color: p.user.color,
          isSelf: p.isSelf,
        }))}
        status={status}
        onHelp={() => setHelpOpen(true)}
        boardId={boardId}
        role={role}
        token={token}
      />
      <div className={styles.main}>
        <ToolBar tool={tool} onToolChange={setTool} readOnly={contentReadOnly} />
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
          {actions && size.width > 0 && (
            <BoardCanvas
              size={size}
              notes={shown.ordered}
              notesById={shown.notes}
              decorations={decorations}
              onConnect={connect}
              getNote={(id) => liveNote(id)}
              labels={labels}
              peers={peers}
              selection={selection}
              onSelect={onSelect}
              tool={tool}
              spacePanning={spacePanning}
              onNotePlaced={(id) => {
                selectOnly([id]);
                setTool('select');
              }}
              viewport={viewport}
              onViewportChange={setViewport}
              editingId={editingId}
              onEdit={(id) => {
                selectOnly([id]);
                startEditing(id);
              }}
              actions={actions}
              readOnly={contentReadOnly || viewingVersion}
              onCursor={sendCursor}
            />
          )}
          {editingNote && editingFragment && editing && (
            <NoteEditor
              key={editingNote.id}
              note={editingNote}
              fragment={editingFragment}
              viewport={viewport}
              history={editing}
              labels={{
                toolbar: t('editor.toolbar'),
                bold: t('editor.bold'),
                italic: t('editor.italic'),
                bulletList: t('editor.bulletList'),
                link: t('editor.link'),
                linkPrompt: t('editor.linkPrompt'),
                linkInvalid: t('editor.linkInvalid'),
                done: t('editor.done'),
              }}
              onClose={() => {
                setEditing(null);
                surfaceRef.current?.focus({ preventScroll: true });
              }}
            />
          )}
          <FollowChip follow={follow} />
          <WorkshopStatus
            timer={workshop.timer}
            serverOffset={workshop.serverOffset}
            boardLocked={workshop.boardLocked}
            privateWriting={privateWriting.on ? (readOnly ? 'watcher' : 'writer') : null}
          />
          {versions.open && (
            <VersionBanner
              version={versions.open.version}
              canRestore={review !== null}
              onBack={versions.back}
              onRestore={() => void versions.restore(versions.open!.version)}
            />
          )}
          {notice && (
            <div role="status" className={styles.notice} data-testid="board-notice">
              {t(notice)}
              <button type="button" onClick={() => setNotice(null)} aria-label={t('board.dismiss')}>
                ×
              </button>
            </div>
          )}
          <div className={styles.zoom}>
            <ZoomBar
              zoom={viewport.scale}
              onZoomIn={zoomIn}
              onZoomOut={zoomOut}
              onFit={fit}
              onUndo={() => actions?.undo()}
              onRedo={() => actions?.redo()}
              canUndo={undoState.canUndo}
              canRedo={undoState.canRedo}
              showHistory={!readOnly}
            />
          </div>
        </div>
        <SidePanel
          tab={sideTab}
          onTab={setSideTab}
          snapshot={snapshot}
          index={boardIndex}
          filter={filter}
          onFilter={setFilter}
          segmentColors={segmentColors}
          onSegmentColors={setSegmentColors}
          onShowNote={showNote}
          header={
            <>
              {role === 'facilitator' && <FollowControls follow={follow} />}
              {workshop.workshopActions && (
                <>
                  <TimerControls timer={workshop.timer} actions={workshop.workshopActions} />
                  <LockControls locks={workshop.locks} actions={workshop.workshopActions} />
                  <PrivateWritingControls
                    on={privateWriting.on}
                    actions={workshop.workshopActions}
                    onReveal={() => revealPrivateNotes(boardId, token)}
                  />
                </>
              )}
              <VotePanel
                state={voteState}
                actions={voteActions}
                isFacilitator={role === 'facilitator'}
                voter={identity?.id ?? null}
                notes={snapshot.notes}
                ordered={ordered}
                selected={selectedNotes.length === 1 ? selectedNotes[0]! : null}
                onShowNote={showNote}
              />
            </>
          }
          commentsPanel={
            <CommentThreads
              note={selectedNotes.length === 1 ? selectedNotes[0]! : null}
              threads={singleId ? (threads.get(singleId) ?? []) : []}
              actions={review}
            />
          }
          historyPanel={
            <HistoryPanel
              history={versions.history}
              canChange={review !== null}
              busy={versions.busy}
              onOpen={(version) => void versions.show(version)}
              onRestore={(version) => void versions.restore(version)}
            />
          }
          notePanel={
            <NotePanel
              notes={selectedNotes}
              noteCount={snapshot.notes.size}
              onColor={(color) => actions?.recolorNotes(selectedIds, color)}
              onGesture={(name) =>
                actions && applyToSelection(actions, name, selectedIds, selectOnly)
              }
              onEditText={() => selectedIds.length === 1 && startEditing(selectedIds[0]!)}
              relationship={relationshipBindings}
              readOnly={contentReadOnly}
            />
          }
        />
      </div>
      {identity && !identity.name && <NameDialog onSubmit={setName} />}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
