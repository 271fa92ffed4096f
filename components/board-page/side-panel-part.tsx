'use client';
import { memo, useDeferredValue, useMemo } from 'react';
import { countRender } from '@/components/board/render-count';
import { CommentThreads } from '@/components/comments/comment-threads';
import { FollowControls } from '@/components/follow/follow-controls';
import { HistoryPanel } from '@/components/history/history-panel';
import type { VersionView } from '@/components/history/use-version-view';
import { NotePanel } from '@/components/panel/note-panel';
import { VotePanel, type VotePanelProps } from '@/components/voting/vote-panel';
import { LockControls } from '@/components/workshop/lock-controls';
import { PrivateWritingControls } from '@/components/workshop/private-writing-controls';
import { TimerControls } from '@/components/workshop/timer-controls';
import { revealPrivateNotes } from '@/lib/api/reveal';
import { applyToSelection, type SelectionGestureName } from '@/lib/gestures/selection-gestures';
import { readingOrder } from '@/lib/view/selection';
import { BLOCK_IDS, type NoteId, type NoteRecord } from '@/lib/model';
import type { ReviewActions } from '@/lib/react/use-review';
import { useCommentThreads } from '@/lib/react/use-review';
import {
  useConnection,
  useSelectedNotes,
  useSession,
  useSessionValue,
  useSnapshot,
} from '@/lib/react/use-session';
import { useVoteActions, useVoteState } from '@/lib/react/use-vote';
import { OverviewPart, type OverviewPartProps } from './overview-part';
import { usePage } from './page-context';
import { RelationshipNotePanel } from './relationship-note-panel';
import { SidePanel, type SidePanelTab } from './side-panel';
import type { FollowState } from '@/lib/react/use-follow';

export interface SidePanelPartProps extends OverviewPartProps {
  tab: SidePanelTab;
  onTab(tab: SidePanelTab): void;
  follow: FollowState;
  versions: VersionView;
  review: ReviewActions | null;
}

/** The side panel and its tabs, each tab a part reading what it shows from the session. */
export const SidePanelPart = memo(function SidePanelPart(props: SidePanelPartProps) {
  const { role, workshop, boardId, token } = usePage();
  const { versions, review } = props;
  const on = useSessionValue((s) => s.getWorkshop().privateWriting.on);
  return (
    <SidePanel
      tab={props.tab}
      onTab={props.onTab}
      header={
        <>
          {role === 'facilitator' && <FollowControls follow={props.follow} />}
          {workshop.workshopActions && (
            <>
              <TimerControls timer={workshop.timer} actions={workshop.workshopActions} />
              <LockControls locks={workshop.locks} actions={workshop.workshopActions} />
              <PrivateWritingControls
                on={on}
                actions={workshop.workshopActions}
                onReveal={() => revealPrivateNotes(boardId, token)}
              />
            </>
          )}
          <VotePart />
        </>
      }
      commentsPanel={<CommentsPart review={review} />}
      historyPanel={
        <HistoryPanel
          history={versions.history}
          canChange={review !== null}
          busy={versions.busy}
          onOpen={(version) => void versions.show(version)}
          onRestore={(version) => void versions.restore(version)}
        />
      }
      notePanel={<NotePanelPart />}
      overviewPanel={
        <OverviewPart
          filter={props.filter}
          onFilter={props.onFilter}
          segmentColors={props.segmentColors}
          onSegmentColors={props.onSegmentColors}
        />
      }
    />
  );
});

/** The selected notes' panel: it re-renders when the selection or a selected note changes. */
function NotePanelPart() {
  countRender('note-panel');
  const { actions, contentReadOnly, startEditing } = usePage();
  const session = useSession();
  // Deferred: a grab selects at once on the canvas; the panel follows in a render that yields.
  const selected = useDeferredValue(useSelectedNotes());
  const noteCount = useSessionValue((s) => s.getSnapshot().notes.size);
  const ids = useMemo(() => selected.map((note) => note.id), [selected]);
  const single = selected.length === 1 ? selected[0]! : null;
  const panel = {
    notes: selected,
    noteCount,
    onColor: (color: NoteRecord['color']) => actions?.recolorNotes(ids, color),
    onGesture: (name: SelectionGestureName) =>
      actions && applyToSelection(actions, name, ids, session.selection.selectOnly),
    onEditText: () => single && startEditing(single.id),
    readOnly: contentReadOnly,
  };
  // A relationship note's editor needs the board's channels and segments: read only then.
  if (single?.block === 'customerRelationships' && actions && !contentReadOnly)
    return <RelationshipNotePanel {...panel} note={single} actions={actions} />;
  return <NotePanel {...panel} />;
}

function CommentsPart({ review }: { review: ReviewActions | null }) {
  countRender('comments');
  const connection = useConnection();
  const threads = useCommentThreads(connection);
  // Deferred: a grab selects at once on the canvas; the panel follows in a render that yields.
  const selected = useDeferredValue(useSelectedNotes());
  const single = selected.length === 1 ? selected[0]! : null;
  return (
    <CommentThreads
      note={single}
      threads={single ? (threads.get(single.id) ?? []) : []}
      actions={review}
    />
  );
}

/** The dot vote; it reads the board's notes only while a vote is on. */
function VotePart() {
  countRender('vote');
  const { writesNothing, voter, role, showNote } = usePage();
  const connection = useConnection();
  const state = useVoteState(connection);
  const actions = useVoteActions(writesNothing ? null : connection, voter);
  // Deferred: a grab selects at once on the canvas; the panel follows in a render that yields.
  const selected = useDeferredValue(useSelectedNotes());
  const props = {
    state,
    actions,
    isFacilitator: role === 'facilitator',
    voter,
    selected: selected.length === 1 ? selected[0]! : null,
    onShowNote: showNote,
  };
  return state.vote ? (
    <VoteOnBoard {...props} />
  ) : (
    <VotePanel {...props} notes={NO_NOTES} ordered={[]} />
  );
}

const NO_NOTES: ReadonlyMap<NoteId, NoteRecord> = new Map();

function VoteOnBoard(props: Omit<VotePanelProps, 'notes' | 'ordered'>) {
  const snapshot = useSnapshot();
  const ordered = useMemo(() => readingOrder(snapshot.ordered, BLOCK_IDS), [snapshot.ordered]);
  return <VotePanel {...props} notes={snapshot.notes} ordered={ordered} />;
}
