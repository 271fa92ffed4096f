import { mergeSnapshots, type BoardSnapshot } from '../doc';
import { ROOT, type NoteId, type NoteRecord } from '../model';
import {
  followedPeer,
  readPeers,
  type BoardConnection,
  type ConnectionStatus,
  type DraftConnection,
  type Peer,
  type Refusal,
} from '../sync';
import { sameJson, sameList } from '../view/keep-identity';
import { SelectionStore } from './selection';
import { readWorkshop, type WorkshopState } from './workshop-state';

export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** A participant as the top bar lists them: no cursor, so a moving cursor changes nothing. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly isSelf: boolean;
}

/** How a session opens its connections (the wire in the app, a local doc in tests). */
export interface SessionOpeners {
  /**
   * Opens the board. `onRefused`: the server refused a change of ours; the session then
   * opens a fresh connection from the server's copy, with `afterRefusal` saying why.
   */
  openBoard(afterRefusal: Refusal | undefined, onRefused: (why: Refusal) => void): BoardConnection;
  /**
   * Opens this person's private draft while private writing is on; absent when this page
   * writes nothing (a viewer). `onRefused`: the server refused a draft change (a lock).
   */
  openDraft?(onRefused: () => void): DraftConnection;
}

const UNDO_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
const NO_IDS: ReadonlySet<NoteId> = new Set();
const NO_NOTES: readonly NoteRecord[] = [];

/**
 * One open board, outside React: the connection (document, provider, awareness, undo), the
 * private draft, the workshop state, the sync status and this person's selection. Every
 * reader is a selector that returns the same object until what it reads changed, so a
 * React hook on useSyncExternalStore re-renders only what shows the change (a remote move
 * of note A gives a new A and the very same B).
 */
export class BoardSession {
  readonly selection = new SelectionStore<NoteId>();
  private readonly listeners = new Set<() => void>();
  private connection!: BoardConnection;
  private detachConnection: () => void = () => {};
  private draft: DraftConnection | null = null;
  private draftRefusals = 0;
  private destroyed = false;

  // Cached reads, each replaced only when its content changed.
  private merged: { board: BoardSnapshot; draft: BoardSnapshot | null; value: BoardSnapshot };
  private noteIds: readonly NoteId[] = [];
  private draftIds: ReadonlySet<NoteId> = NO_IDS;
  private selected: readonly NoteRecord[] = NO_NOTES;
  private peers: readonly Peer[] = [];
  private people: readonly Person[] = [];
  /** Colour of each note someone else is writing in (their presence's `editing`). */
  private editorColors: ReadonlyMap<NoteId, string> = new Map();
  private leaderView: { leader: string; view: Peer['view'] } | null = null;
  private undo: UndoState = { canUndo: false, canRedo: false };
  private workshop: WorkshopState;

  constructor(private readonly openers: SessionOpeners) {
    this.attach(openers.openBoard(undefined, this.onRefused));
    const board = this.connection.reader.getSnapshot();
    this.merged = { board, draft: null, value: board };
    this.noteIds = board.ordered.map((note) => note.id);
    this.workshop = readWorkshop(this.connection.doc, null);
    this.syncDraft();
    this.selection.subscribe(this.emit);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getConnection = (): BoardConnection => this.connection;
  getDraft = (): DraftConnection | null => this.draft;
  /** How many times the server refused a draft change and the draft was reopened. */
  getDraftRefusals = (): number => this.draftRefusals;

  /** The board's notes plus this person's draft notes (private writing). */
  getSnapshot = (): BoardSnapshot => {
    const board = this.connection.reader.getSnapshot();
    const draft = this.draft?.reader.getSnapshot() ?? null;
    if (board !== this.merged.board || draft !== this.merged.draft) {
      const value = draft ? mergeSnapshots(board, draft) : board;
      this.merged = { board, draft, value };
      this.noteIds = sameList(
        this.noteIds,
        value.ordered.map((note) => note.id),
      );
      if (draft !== null && draft.notes.size > 0) {
        const ids = new Set(draft.notes.keys());
        if (!sameSet(this.draftIds, ids)) this.draftIds = ids;
      } else this.draftIds = NO_IDS;
    }
    return this.merged.value;
  };

  /** A note as it is now, on the board or in the draft; the same object until it changes. */
  getNote = (id: NoteId): NoteRecord | undefined => this.getSnapshot().notes.get(id);

  /** Every note id in drawing order; the same array until a note comes, goes or restacks. */
  getNoteIds = (): readonly NoteId[] => {
    this.getSnapshot();
    return this.noteIds;
  };

  getTitle = (): string => this.getSnapshot().meta.title;

  /** Ids of the notes only this person sees (their private draft). */
  getDraftIds = (): ReadonlySet<NoteId> => {
    this.getSnapshot();
    return this.draftIds;
  };

  /** The selected notes that are still on the board; the same array until one of them changes. */
  getSelectedNotes = (): readonly NoteRecord[] => {
    const ids = this.selection.get();
    const notes = this.getSnapshot().notes;
    const next: NoteRecord[] = [];
    for (const id of ids) {
      const note = notes.get(id);
      if (note) next.push(note);
    }
    this.selected = sameList(this.selected, next);
    return this.selected;
  };

  isSelected = (id: NoteId): boolean =>
    this.selection.get().has(id) && this.getSnapshot().notes.has(id);

  /** Everyone on the board (self first), from awareness; changes with every cursor move. */
  getPeers = (): readonly Peer[] => this.peers;
  /** Who is on the board, without cursors: changes when someone comes, goes or is renamed. */
  getPeople = (): readonly Person[] => this.people;
  /** Colour of the person (not me) writing in this note, or null. */
  getEditorColor = (id: NoteId): string | null => this.editorColors.get(id) ?? null;

  /** The board area on the followed leader's screen (follow me), or null; kept while equal. */
  getLeaderView = (leader: string): Peer['view'] => {
    const view = followedPeer(this.peers, leader)?.view ?? null;
    if (this.leaderView?.leader !== leader) this.leaderView = { leader, view };
    else this.leaderView.view = sameJson(this.leaderView.view, view);
    return this.leaderView.view;
  };

  getStatus = (): ConnectionStatus => this.connection.getStatus();
  getUndoState = (): UndoState => this.undo;
  getWorkshop = (): WorkshopState => this.workshop;

  destroy(): void {
    this.destroyed = true;
    this.detachConnection();
    this.closeDraft();
    this.connection.destroy();
    this.listeners.clear();
  }

  private emit = (): void => {
    for (const listener of [...this.listeners]) listener();
  };

  /** Listens to one connection: its notes, presence, status, undo stack and workshop map. */
  private attach(connection: BoardConnection): void {
    this.connection = connection;
    const { awareness, undoManager, doc } = connection;
    const onPeers = () => {
      this.peers = readPeers(awareness.getStates(), awareness.clientID);
      this.people = sameJson(
        this.people,
        this.peers.map((p) => ({
          id: String(p.clientId),
          name: p.user.name,
          color: p.user.color,
          isSelf: p.isSelf,
        })),
      );
      const colors = new Map<NoteId, string>();
      for (const peer of this.peers)
        if (!peer.isSelf && peer.editing) colors.set(peer.editing, peer.user.color);
      if (JSON.stringify([...colors]) !== JSON.stringify([...this.editorColors]))
        this.editorColors = colors;
      this.emit();
    };
    const onUndo = () => {
      const next = { canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() };
      if (next.canUndo === this.undo.canUndo && next.canRedo === this.undo.canRedo) return;
      this.undo = next;
      this.emit();
    };
    const workshopMap = doc.getMap(ROOT.workshop);
    const onWorkshop = () => {
      const next = readWorkshop(doc, this.workshop);
      if (next === this.workshop) return;
      this.workshop = next;
      this.syncDraft();
      this.emit();
    };
    onPeers();
    const stopNotes = connection.reader.subscribe(this.emit);
    const stopStatus = connection.onStatus(this.emit);
    awareness.on('change', onPeers);
    for (const event of UNDO_EVENTS) undoManager.on(event, onUndo);
    workshopMap.observeDeep(onWorkshop);
    this.detachConnection = () => {
      stopNotes();
      stopStatus();
      awareness.off('change', onPeers);
      for (const event of UNDO_EVENTS) undoManager.off(event, onUndo);
      workshopMap.unobserveDeep(onWorkshop);
    };
  }

  /** The server refused a change: the board is reopened from the server's copy. */
  private onRefused = (why: Refusal): void => {
    if (this.destroyed) return;
    this.detachConnection();
    this.closeDraft();
    this.connection.destroy();
    this.attach(this.openers.openBoard(why, this.onRefused));
    this.workshop = readWorkshop(this.connection.doc, this.workshop);
    this.undo = { canUndo: false, canRedo: false };
    this.syncDraft();
    this.emit();
  };

  /** Opens the draft while private writing is on (and this page writes), closes it after. */
  private syncDraft(): void {
    const wanted = this.workshop.privateWriting.on && this.openers.openDraft !== undefined;
    if (wanted === (this.draft !== null)) return;
    if (!wanted) return this.closeDraft();
    this.openDraft();
  }

  private openDraft(): void {
    const draft = this.openers.openDraft!(() => {
      if (this.draft !== draft || this.destroyed) return;
      // The server refused a draft change (a lock): the draft is reopened from its copy.
      this.closeDraft();
      this.draftRefusals += 1;
      this.syncDraft();
      this.emit();
    });
    this.draft = draft;
    this.stopDraft = draft.reader.subscribe(this.emit);
  }

  private stopDraft: () => void = () => {};

  private closeDraft(): void {
    if (!this.draft) return;
    this.stopDraft();
    this.draft.destroy();
    this.draft = null;
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
