import * as Y from 'yjs';
import { SERVER_ORIGIN, addLink, boardRoots, commentsRoot, newRelationshipMap } from '../doc';
import { COMMENT_KEYS, LINK_KINDS, NOTE_KEYS, type NoteId } from '../model';
import {
  NOTE_FIELDS,
  type BoardFile,
  type BoardFileNote,
  type BoardFileReply,
  type BoardFileThread,
} from './format';
import { richTextToFragmentContent } from './rich-text';

/**
 * Fills a new board's document (made by initBoardDoc, with the file's title) with the notes
 * and comments of a board file that parseBoardFile accepted, in one transaction: every note
 * and comment keeps its id, so links and threads need no renaming, and its fields, author and
 * creation time, as the file says.
 *
 * lib/doc's createNote and addComment cannot be used: they draw a new id, stamp the current
 * time (and createNote clamps the geometry), and a round trip must give back the very same
 * board. The keys written are those of docs/SCHEMA.md, through the same helpers lib/doc uses
 * for the `rel` map.
 */
export function writeBoardFile(doc: Y.Doc, file: BoardFile): void {
  const { notes } = boardRoots(doc);
  doc.transact(() => {
    const texts: [Y.XmlFragment, BoardFileNote][] = [];
    for (const input of file.notes) {
      const note = new Y.Map<unknown>();
      const text = new Y.XmlFragment();
      for (const field of NOTE_FIELDS) note.set(NOTE_KEYS[field], input[field]);
      note.set(NOTE_KEYS.text, text);
      const rel = newRelationshipMap();
      for (const [field, value] of Object.entries(input.relationship)) rel.set(field, value);
      for (const kind of LINK_KINDS)
        for (const target of input.links[kind]) addLink(rel, kind, target);
      note.set(NOTE_KEYS.rel, rel);
      notes.set(input.id, note);
      texts.push([text, input]);
    }
    // Content goes in once the fragments are part of the document (Yjs needs attached types).
    for (const [text, input] of texts) {
      const content = richTextToFragmentContent(input.text);
      if (content.length > 0) text.insert(0, content);
    }
    writeComments(doc, file.comments);
  }, SERVER_ORIGIN);
}

/** The keys lib/doc's writeComment sets: `thread` on replies only, `resolved` on threads only. */
function writeComments(doc: Y.Doc, threads: readonly BoardFileThread[]): void {
  const root = commentsRoot(doc);
  const comment = (input: BoardFileReply, note: NoteId) => {
    const map = new Y.Map<unknown>();
    map.set(COMMENT_KEYS.note, note);
    map.set(COMMENT_KEYS.author, input.author);
    map.set(COMMENT_KEYS.authorId, input.authorId);
    map.set(COMMENT_KEYS.createdAt, input.createdAt);
    map.set(COMMENT_KEYS.text, input.text);
    root.set(input.id, map);
    return map;
  };
  for (const thread of threads) {
    const first = comment(thread, thread.note);
    first.set(COMMENT_KEYS.resolved, thread.resolved);
    if (thread.resolvedBy !== null) first.set(COMMENT_KEYS.resolvedBy, thread.resolvedBy);
    for (const reply of thread.replies)
      comment(reply, thread.note).set(COMMENT_KEYS.thread, thread.id);
  }
}
