import * as Y from 'yjs';
import {
  SERVER_ORIGIN,
  addLink,
  boardRoots,
  commentsRoot,
  newCommentMap,
  newRelationshipMap,
} from '../doc';
import { LINK_KINDS, NOTE_KEYS } from '../model';
import { NOTE_FIELDS, type BoardFile, type BoardFileNote, type BoardFileThread } from './format';
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

/** Every thread and reply of the file, each with its own id and time (newCommentMap). */
function writeComments(doc: Y.Doc, threads: readonly BoardFileThread[]): void {
  const root = commentsRoot(doc);
  for (const { replies, ...first } of threads) {
    root.set(first.id, newCommentMap({ ...first, thread: null }));
    for (const reply of replies)
      root.set(
        reply.id,
        newCommentMap({
          ...reply,
          note: first.note,
          thread: first.id,
          resolved: false,
          resolvedBy: null,
        }),
      );
  }
}
