import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createNote, moveNotes, setBlockLocked, startPrivateWriting, startTimer } from '../doc';
import { REMOTE_ORIGIN, newBoard, twoPeers } from '../doc/test-support';
import type { NoteId } from '../model';
import type { Refusal } from '../sync';
import { BoardSession } from './board-session';
import { localConnection, localDraft, type LocalConnection } from './local-connection';

/** A session on `doc`, with the connections it opened, and a count of its notifications. */
function sessionOn(doc: Y.Doc, { withDraft = false } = {}) {
  const opened: LocalConnection[] = [];
  const drafts: ReturnType<typeof localDraft>[] = [];
  let refuseDraft: () => void = () => {};
  let refuse: (why: Refusal) => void = () => {};
  const session = new BoardSession({
    openBoard: (afterRefusal, onRefused) => {
      refuse = onRefused;
      const connection = localConnection(doc, afterRefusal ?? null);
      opened.push(connection);
      return connection;
    },
    openDraft: withDraft
      ? (onRefused) => {
          refuseDraft = onRefused;
          const draft = localDraft(new Y.Doc());
          drafts.push(draft);
          return draft;
        }
      : undefined,
  });
  let notified = 0;
  session.subscribe(() => notified++);
  return {
    session,
    opened,
    drafts,
    refuse: (why: Refusal) => refuse(why),
    refuseDraft: () => refuseDraft(),
    notified: () => notified,
  };
}

/** A remote peer's move, applied as the provider applies it. */
function remoteMove(doc: Y.Doc, id: NoteId, x: number, y: number) {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(doc);
  moveNotes(peer, [{ id, x, y }]);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), REMOTE_ORIGIN);
}

describe('BoardSession', () => {
  it('gives a remote move of one note a new record for it and the very same others', () => {
    const doc = newBoard();
    const a = createNote(doc, { x: 100, y: 100, author: 'Ana' });
    const b = createNote(doc, { x: 300, y: 100, author: 'Ana' });
    const { session, notified } = sessionOn(doc);
    const [noteA, noteB, ids, snapshot] = [
      session.getNote(a),
      session.getNote(b),
      session.getNoteIds(),
      session.getSnapshot(),
    ];
    remoteMove(doc, a, 140, 120);
    expect(notified()).toBeGreaterThan(0);
    expect(session.getNote(a)).not.toBe(noteA);
    expect(session.getNote(a)).toMatchObject({ x: 140, y: 120 });
    expect(session.getNote(b)).toBe(noteB);
    // A move does not change which notes are drawn, nor their order.
    expect(session.getNoteIds()).toBe(ids);
    expect(session.getSnapshot()).not.toBe(snapshot);
    // Reading again without a change returns the same objects.
    expect(session.getNote(a)).toBe(session.getNote(a));
    expect(session.getSnapshot()).toBe(session.getSnapshot());
  });

  it('gives a new id list when a note comes', () => {
    const doc = newBoard();
    const a = createNote(doc, { x: 100, y: 100, author: 'Ana' });
    const { session } = sessionOn(doc);
    const ids = session.getNoteIds();
    const c = createNote(doc, { x: 500, y: 100, author: 'Ana' });
    expect(session.getNoteIds()).not.toBe(ids);
    expect(session.getNoteIds()).toEqual([a, c]);
  });

  it('keeps the selected notes while an unselected note moves, and renews them when one of them does', () => {
    const doc = newBoard();
    const a = createNote(doc, { x: 100, y: 100, author: 'Ana' });
    const b = createNote(doc, { x: 300, y: 100, author: 'Ana' });
    const { session } = sessionOn(doc);
    session.selection.select([a], 'replace');
    const selected = session.getSelectedNotes();
    expect(selected.map((n) => n.id)).toEqual([a]);
    expect(session.isSelected(a)).toBe(true);
    expect(session.isSelected(b)).toBe(false);
    remoteMove(doc, b, 320, 100);
    expect(session.getSelectedNotes()).toBe(selected);
    remoteMove(doc, a, 120, 100);
    expect(session.getSelectedNotes()).not.toBe(selected);
    expect(session.getSelectedNotes()[0]).toMatchObject({ x: 120 });
  });

  it('drops a note someone deleted from the selection', () => {
    const { a, b } = twoPeers();
    const id = createNote(a, { x: 100, y: 100, author: 'Ana' });
    const { session } = sessionOn(b);
    session.selection.selectOnly([id]);
    expect(session.isSelected(id)).toBe(true);
    a.getMap('notes').delete(id);
    expect(session.isSelected(id)).toBe(false);
    expect(session.getSelectedNotes()).toEqual([]);
  });

  it('renews only the workshop part that changed', () => {
    const doc = newBoard();
    const { session } = sessionOn(doc);
    const before = session.getWorkshop();
    setBlockLocked(doc, 'channels', true);
    const after = session.getWorkshop();
    expect(after).not.toBe(before);
    expect(after.locks.blocks).toEqual(['channels']);
    expect(after.timer).toBe(before.timer);
    startTimer(doc, 1_000);
    expect(session.getWorkshop().locks).toBe(after.locks);
    expect(session.getWorkshop().timer).not.toBe(after.timer);
  });

  it('opens the private draft while private writing is on, and shows its notes with the board', () => {
    const doc = newBoard();
    const boardNote = createNote(doc, { x: 100, y: 100, author: 'Ana' });
    const { session, drafts, refuseDraft } = sessionOn(doc, { withDraft: true });
    expect(session.getDraft()).toBeNull();
    startPrivateWriting(doc, 1_000);
    const draft = session.getDraft();
    expect(draft).not.toBeNull();
    const draftNote = createNote(draft!.doc, { x: 200, y: 200, author: 'Ana' });
    expect(session.getNoteIds()).toEqual([boardNote, draftNote]);
    expect([...session.getDraftIds()]).toEqual([draftNote]);
    expect(session.getNote(draftNote)).toBeDefined();
    // A refused draft change reopens the draft.
    refuseDraft();
    expect(drafts).toHaveLength(2);
    expect(drafts[0]!.destroyed).toBe(true);
    expect(session.getDraftRefusals()).toBe(1);
  });

  it('opens no draft on a page that writes nothing', () => {
    const doc = newBoard();
    const { session } = sessionOn(doc);
    startPrivateWriting(doc, 1_000);
    expect(session.getDraft()).toBeNull();
  });

  it('reopens the board after a refusal, saying why', () => {
    const doc = newBoard();
    const { session, opened, refuse } = sessionOn(doc);
    const first = session.getConnection();
    refuse('locked');
    expect(opened).toHaveLength(2);
    expect(opened[0]!.destroyed).toBe(true);
    expect(session.getConnection()).not.toBe(first);
    expect(session.getConnection().afterRefusal).toBe('locked');
  });

  it('tells the sync status and the undo state', () => {
    const doc = newBoard();
    const { session, opened } = sessionOn(doc);
    opened[0]!.setStatus('connected');
    expect(session.getStatus()).toBe('connected');
    expect(session.getUndoState()).toEqual({ canUndo: false, canRedo: false });
    createNote(doc, { x: 100, y: 100, author: 'Ana' });
    expect(session.getUndoState()).toEqual({ canUndo: true, canRedo: false });
  });

  it('keeps the people list while a cursor moves, and renews it on a rename', () => {
    const doc = newBoard();
    const { session, opened } = sessionOn(doc);
    const { awareness } = opened[0]!;
    const people = session.getPeople();
    expect(people).toEqual([
      { id: String(awareness.clientID), name: 'Ana', color: '#ff0000', isSelf: true },
    ]);
    const peers = session.getPeers();
    awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    expect(session.getPeers()).not.toBe(peers);
    expect(session.getPeople()).toBe(people);
    awareness.setLocalStateField('user', { id: 'me', name: 'Ana B', color: '#ff0000' });
    expect(session.getPeople()).not.toBe(people);
  });
});
